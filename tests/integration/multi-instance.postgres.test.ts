import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startAppServer, testPort, type AppServer } from "./support/app-server";
import { api } from "./support/http";
import { createOrg, intentBody, type TestOrg } from "./support/factories";

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
      fetch(`${second!.baseUrl}${path}`, { method: "POST", headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" }, body: JSON.stringify(body) });
    const [a, b] = await Promise.all([
      api(org.approver.key, "POST", `/api/v1/approvals/${intent.approval.id}`, { decision: "approve" }),
      onB(`/api/v1/approvals/${intent.approval.id}`, { decision: "reject" }, org.approver2.key),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
  });
});
