import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startPgBouncer, version, type PgBouncer } from "../../bench/proxies";
import { startAppServer, testPort, type AppServer } from "./support/app-server";
import { api } from "./support/http";
import { createAgent, createOrg, intentBody, type TestOrg } from "./support/factories";
import { ledgerAgreesWithWallet, sql } from "./support/database";
import { adminQuery } from "./support/pg-admin";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { LOCK_ID } from "@/lib/db/migrate";

// Debian's PgBouncer (installed by .ci/run) in transaction mode in front of the suite's database,
// with a pool of 2 server connections under an app pool of 10: consecutive transactions of one app
// connection land on different server connections, which is what breaks session state.
const onPostgres = inject("databaseKind") === "postgresql";
const installed = version("pgbouncer") !== null;
let bouncer: PgBouncer | null = null;
let app: AppServer | null = null;
let org: TestOrg;

beforeAll(async () => {
  if (!onPostgres || !installed) return;
  org = await createOrg();
  const direct = new URL(inject("databaseUrl"));
  bouncer = await startPgBouncer(direct, 2, testPort(50));
  app = await startAppServer({
    port: testPort(51),
    databaseUrl: bouncer.url(direct.pathname.slice(1)),
    env: { AEGIS_SKIP_BUILD: "1", AEGIS_DB_NAMED_STATEMENTS: "0", DATABASE_DIRECT_URL: direct.toString(), AEGIS_LONGPOLL_RECHECK_MS: "60000" },
  });
}, 240_000);
afterAll(async () => {
  await app?.stop();
  await bouncer?.stop();
});

const on = (server: AppServer, key: string, method: string, path: string, body?: unknown) =>
  fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID() },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).then(async (r) => ({ status: r.status, body: await r.json() }));

describe.runIf(onPostgres && installed)("the app through PgBouncer in transaction mode", () => {
  it("decides concurrent submits of several agents, each exactly once, with wallets equal to the ledger", async () => {
    const agents = await Promise.all([1, 2, 3, 4].map(() => createAgent(org.id, 10_000_000)));
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => on(app!, agents[i % 4].key, "POST", "/api/v1/intents", intentBody({ amount: 10_000 }))),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(40).fill(201));
    expect(new Set(answers.map((a) => a.body.status))).toEqual(new Set(["approved"]));
    for (const agent of agents) {
      const w = await ledgerAgreesWithWallet(agent.id);
      expect(w.balance).toBe(10_000_000 - 10 * 10_000);
      expect(w.ledgerBalance).toBe(w.balance);
      const [row] = await sql(`SELECT count(*)::int AS n FROM intents WHERE agent_id = $1`, [agent.id]);
      expect(row.n).toBe(10);
    }
  });

  it("wakes a long-poll on the pooled instance when the suite's instance records the approval (LISTEN goes direct)", async () => {
    const intent = (await on(app!, org.agent.key, "POST", "/api/v1/intents", intentBody({ amount: 2_000_000 }))).body;
    expect(intent.status).toBe("pending_approval");
    const started = Date.now();
    const waiting = on(app!, org.agent.key, "GET", `/api/v1/intents/${intent.id}?wait=30`).then((r) => ({ ...r, at: Date.now() }));
    await new Promise((r) => setTimeout(r, 1_000));
    const answered = await api(org.approver.key, "POST", `/api/v1/approvals/${intent.approval.id}`, { decision: "approve" });
    expect(answered.status).toBe(200);
    const woke = await waiting;
    expect(woke.body.status).toBe("approved");
    // The pooled instance re-reads only every 60 s: an answer this soon came by NOTIFY.
    expect(woke.at - started).toBeLessThan(30_000);
  });

  it("migrates a fresh database at start-up past PgBouncer, leaving no advisory lock behind", async () => {
    const name = `aegis_it_pgbouncer_${Date.now()}`;
    await adminQuery(`CREATE DATABASE ${name}`);
    const direct = new URL(inject("databaseUrl"));
    direct.pathname = `/${name}`;
    const fresh = await startAppServer({
      port: testPort(52),
      databaseUrl: bouncer!.url(name),
      env: { AEGIS_SKIP_BUILD: "1", AEGIS_DEMO: "0", AEGIS_DB_NAMED_STATEMENTS: "0", DATABASE_DIRECT_URL: direct.toString() },
    });
    try {
      const client = new pg.Client({ connectionString: direct.toString() });
      await client.connect();
      try {
        const applied = await client.query(`SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`);
        const folders = fs.readdirSync(path.resolve("prisma/migrations"), { withFileTypes: true }).filter((d) => d.isDirectory());
        expect(applied.rows[0].n).toBe(folders.length);
        // The migrations' own session lock; the app's background jobs take transaction-level
        // advisory locks of their own (audit chain, partitions), which may be held at this moment.
        const held = await client.query(
          `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database
           WHERE l.locktype = 'advisory' AND d.datname = $1 AND l.classid = 0 AND l.objid = $2 AND l.objsubid = 1`,
          [name, LOCK_ID],
        );
        expect(held.rows[0].n).toBe(0);
      } finally {
        await client.end();
      }
    } finally {
      await fresh.stop();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  });
});
