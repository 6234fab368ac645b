import { execSync } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startAppServer, testPort, type AppServer } from "./support/app-server";
import { admin, createAgent, createUser, type AppTarget } from "./support/factories";
import { raw, signIn } from "./support/session";

/**
 * DATABASE_READ_URL: page reads may come from a replica, money and decisions never do. The
 * "replica" here is a distinct database, a copy of the primary whose rows the test then changes:
 * whatever an answer shows of those changes was read there, and whatever a submit decides on
 * was not.
 */
const onPostgres = inject("databaseKind") === "postgresql";
const stamp = Date.now();
const names = { primary: `aegis_it_rr_p_${stamp}`, replica: `aegis_it_rr_r_${stamp}` };
const urlOf = (db: string) => inject("databaseUrl").replace(/\/[^/]*$/, `/${db}`);
let server: AppServer | null = null;

async function sql<T = Record<string, unknown>>(db: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: urlOf(db) });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  if (!onPostgres) return;
  await sql("postgres", `CREATE DATABASE ${names.primary}`);
  server = await startAppServer({
    port: testPort(17),
    databaseUrl: urlOf(names.primary),
    env: { AEGIS_SKIP_BUILD: "1", AEGIS_ADMIN_CHANNEL: "1", DATABASE_READ_URL: urlOf(names.replica) },
  });
}, 240_000);

afterAll(async () => {
  await server?.stop();
  if (!onPostgres) return;
  for (const db of [names.primary, names.replica]) await sql("postgres", `DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
});

describe.runIf(onPostgres)("DATABASE_READ_URL", () => {
  it("serves the intents list and page and the audit log from the replica; a submit decides on the primary and writes only there", async () => {
    const app: AppTarget = server!;
    const org = await admin<{ id: string }>(["org", "create"], { name: "Replica test", currency: "INR" }, app);
    const agent = await createAgent(org.id, 1_000_000, undefined, app);
    const viewer = await createUser(org.id, "viewer", app);
    const submit = (amount: number) =>
      fetch(`${server!.baseUrl}/api/v1/intents`, {
        method: "POST",
        headers: { Authorization: `Bearer ${agent.key}`, "Content-Type": "application/json" },
        body: JSON.stringify({ amount, currency: "INR", confidence: 0.99, reason: "written on the primary", merchant: "Replica" }),
      });
    const first = await (await submit(1_000)).json();
    expect(first.status).toBe("approved");

    // The replica: a copy taken now, then made to differ where an answer can tell them apart.
    await sql("postgres", `CREATE DATABASE ${names.replica}`);
    execSync(`pg_dump --no-owner "${urlOf(names.primary)}" | psql -q -v ON_ERROR_STOP=1 "${urlOf(names.replica)}"`, { stdio: ["ignore", "ignore", "pipe"] });
    await sql(names.replica, "UPDATE intents SET reason = 'served by the replica' WHERE id = $1", [first.id]);
    await sql(names.replica, "UPDATE wallets SET balance = 0 WHERE agent_id = $1", [agent.id]);

    // The list endpoint reads the replica.
    const list = await (await fetch(`${server!.baseUrl}/api/v1/intents`, { headers: { Authorization: `Bearer ${agent.key}` } })).json();
    expect(list.data.map((i: { reason: string }) => i.reason)).toEqual(["served by the replica"]);
    // One intent by id is not a page read: the primary answers.
    const one = await (await fetch(`${server!.baseUrl}/api/v1/intents/${first.id}`, { headers: { Authorization: `Bearer ${agent.key}` } })).json();
    expect(one.reason).toBe("written on the primary");

    // The dashboard's intents page reads its list from the replica too.
    const session = await signIn(viewer.email, "correct horse battery", { baseUrl: server!.baseUrl });
    expect(session.error).toBeNull();
    const page = await raw("GET", "/intents", { baseUrl: server!.baseUrl, headers: { Cookie: session.cookie! } });
    expect(page.status).toBe(200);
    expect(page.body).toContain("served by the replica");

    // The audit log (page and CSV export) reads the replica: an agent made on the primary after
    // the copy is in the primary's log and missing from both, while the first agent is in both.
    const later = await createAgent(org.id, 1_000, undefined, app);
    const onPrimary = await sql(names.primary, "SELECT 1 FROM audit_events WHERE org_id = $1 AND target_id = $2", [org.id, later.id]);
    expect(onPrimary).toHaveLength(1);
    const csv = await raw("GET", "/audit/export", { baseUrl: server!.baseUrl, headers: { Cookie: session.cookie! } });
    expect(csv.status).toBe(200);
    expect(csv.body).toContain(agent.id);
    expect(csv.body).not.toContain(later.id);
    const log = await raw("GET", `/audit?target=${later.id}`, { baseUrl: server!.baseUrl, headers: { Cookie: session.cookie! } });
    expect(log.status).toBe(200);
    const logOfFirst = await raw("GET", `/audit?target=${agent.id}`, { baseUrl: server!.baseUrl, headers: { Cookie: session.cookie! } });
    // The same page for two targets: the action's name also sits in the filter's options, so
    // only its row makes the first agent's page mention it more; on the primary both would.
    const mentions = (body: string) => body.split("agent.created").length - 1;
    expect(mentions(logOfFirst.body)).toBeGreaterThan(mentions(log.body));

    // A submit decides on the primary's wallet (the replica's is empty) and writes only there.
    const second = await submit(2_000);
    expect(second.status).toBe(201);
    const decided = await second.json();
    expect(decided.status).toBe("approved");
    expect(await sql(names.primary, "SELECT id FROM intents WHERE id = $1", [decided.id])).toHaveLength(1);
    expect(await sql(names.replica, "SELECT id FROM intents WHERE org_id = $1", [org.id])).toEqual([{ id: first.id }]);
    const [wallet] = await sql<{ balance: string }>(names.primary, "SELECT balance::text AS balance FROM wallets WHERE agent_id = $1", [agent.id]);
    expect(wallet.balance).toBe(String(1_000_000 - 1_000 - 2_000));
  });
});
