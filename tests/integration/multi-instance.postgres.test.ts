import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startAppServer, testPort, type AppServer } from "./support/app-server";
import { api } from "./support/http";
import { admin, createAgent, createOrg, intentBody, setPolicy, type TestOrg } from "./support/factories";
import { eventually } from "./support/database";

const onPostgres = inject("databaseKind") === "postgresql";
let second: AppServer | null = null;
let org: TestOrg;

beforeAll(async () => {
  if (!onPostgres) return;
  org = await createOrg();
  // A second instance on the same database whose long-polls re-read only every 60 s:
  // a quick wake-up there can only come from PostgreSQL's NOTIFY.
  second = await startAppServer({
    port: testPort(11),
    databaseUrl: inject("databaseUrl"),
    env: { AEGIS_LONGPOLL_RECHECK_MS: "60000", AEGIS_SKIP_BUILD: "1" },
  });
}, 240_000);
afterAll(async () => {
  await second?.stop();
});

describe.runIf(onPostgres)("two app instances on one PostgreSQL", () => {
  it("a long-poll on instance B wakes when instance A records the approval", async () => {
    const intent = (await api(org.agent.key, "POST", "/api/v1/intents", intentBody({ amount: 2_000_000 }))).body;
    expect(intent.status).toBe("pending_approval");
    const started = Date.now();
    const waiting = fetch(`${second!.baseUrl}/api/v1/intents/${intent.id}?wait=30`, { headers: { Authorization: `Bearer ${org.agent.key}` } }).then(
      async (r) => ({ body: await r.json(), at: Date.now() }),
    );
    // Give B time to start waiting, then answer on A.
    await new Promise((r) => setTimeout(r, 1_000));
    const answered = await api(org.approver.key, "POST", `/api/v1/approvals/${intent.approval.id}`, { decision: "approve" });
    expect(answered.status).toBe(200);
    const { body, at } = await waiting;
    expect(body.status).toBe("approved");
    expect(at - started).toBeLessThan(30_000); // far below B's 60 s re-read: NOTIFY woke it
  });

  it("both instances see the same data and answer each other's approvals exactly once", async () => {
    const intent = (await api(org.agent.key, "POST", "/api/v1/intents", intentBody({ amount: 2_000_000 }))).body;
    const onB = (path: string, body: unknown, key: string) =>
      fetch(`${second!.baseUrl}${path}`, {
        method: "POST",
        headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
    const [a, b] = await Promise.all([
      api(org.approver.key, "POST", `/api/v1/approvals/${intent.approval.id}`, { decision: "approve" }),
      onB(`/api/v1/approvals/${intent.approval.id}`, { decision: "reject" }, org.approver2.key),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
  });

  it("a key revoked through instance A stops working on instance B within a second", async () => {
    const agent = await createAgent(org.id);
    const onB = () => fetch(`${second!.baseUrl}/api/v1/agents/${agent.id}`, { headers: { Authorization: `Bearer ${agent.key}` } }).then((r) => r.status);
    expect(await onB()).toBe(200); // B now holds the key in its cache
    const keys = await admin<{ id: string; agent_id?: string }[]>(["key", "list"], { org: org.id, agent: agent.id });
    await admin(["key", "revoke"], { key: keys[0].id });
    const revokedAt = Date.now();
    // B hears the revocation by NOTIFY; at worst its cache entry expires 1 s after it was read.
    const status = await eventually(onB, (s) => s === 401, 1_000);
    expect(status).toBe(401);
    expect(Date.now() - revokedAt).toBeLessThanOrEqual(1_500);
  });

  it("a policy saved through instance A decides the next intent on instance B", async () => {
    const agent = await createAgent(org.id);
    const submitOnB = () =>
      fetch(`${second!.baseUrl}/api/v1/intents`, {
        method: "POST",
        headers: { Authorization: `Bearer ${agent.key}`, "Content-Type": "application/json" },
        body: JSON.stringify(intentBody({ amount: 5_000 })),
      }).then((r) => r.json());
    expect((await submitOnB()).status).toBe("approved"); // B caches the policy
    await setPolicy(org.id, (doc) => {
      doc.rules.category_blocklist = [...doc.rules.category_blocklist, "saas"];
    });
    const denied = await eventually(submitOnB, (b) => b.status === "denied", 1_000);
    expect(denied).toMatchObject({ status: "denied", policy_decision: { rule: "category_blocklist" } });
  });
});
