import { beforeAll, describe, expect, it } from "vitest";
import { api, expectError } from "./support/http";
import { admin, createAgent, createOrg, intentBody, type TestOrg, type TestAgent } from "./support/factories";

let org: TestOrg;
let other: TestAgent;
const ids: string[] = [];
beforeAll(async () => {
  org = await createOrg();
  other = await createAgent(org.id);
  for (let i = 0; i < 7; i++) {
    const body = intentBody({ amount: 1000 + i, merchant_category: i % 2 ? "cloud" : "saas" });
    ids.push((await api(org.agent.key, "POST", "/api/v1/intents", body)).body.id);
  }
  await api(org.agent.key, "POST", "/api/v1/intents", intentBody({ amount: 2_000_000 })); // pending_approval
  await api(other.key, "POST", "/api/v1/intents", intentBody({ amount: 11_000_000 })); // denied
});

describe("GET /api/v1/intents", () => {
  it("pages newest first with a keyset cursor, no duplicates, stable under inserts", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let page = 0;
    do {
      const res: { status: number; body: any } = await api(org.admin.key, "GET", `/api/v1/intents?limit=3${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.body.object).toBe("list");
      seen.push(...res.body.data.map((i: { id: string }) => i.id));
      cursor = res.body.next_cursor;
      expect(res.body.has_more).toBe(cursor !== null);
      // A new intent arriving mid-walk lands before the cursor and must not shift pages.
      if (page++ === 0) await api(org.agent.key, "POST", "/api/v1/intents", intentBody({ amount: 5 }));
    } while (cursor);
    expect(seen).toHaveLength(9);
    expect(new Set(seen).size).toBe(9);
    const all = (await api(org.admin.key, "GET", "/api/v1/intents?limit=100")).body.data;
    const times = all.map((i: { created_at: string }) => i.created_at);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it("filters by status (comma list), agent, category and dates", async () => {
    const q = (s: string) => api(org.admin.key, "GET", `/api/v1/intents?limit=100&${s}`).then((r) => r.body.data as any[]);
    expect((await q("status=denied")).every((i) => i.status === "denied")).toBe(true);
    expect((await q("status=denied,pending_approval")).map((i) => i.status).sort()).toEqual(["denied", "pending_approval"]);
    expect((await q(`agent_id=${other.id}`)).map((i) => i.agent_id)).toEqual([other.id]);
    expect((await q("merchant_category=cloud")).length).toBe(3);
    expect(await q(`created_after=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).toEqual([]);
    expect((await q(`created_before=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).length).toBe(10);
  });

  it("an agent key sees only its own agent's intents", async () => {
    const res = await api(other.key, "GET", "/api/v1/intents?limit=100");
    expect(res.body.data.map((i: { agent_id: string }) => i.agent_id)).toEqual([other.id]);
    expectError(await api(other.key, "GET", `/api/v1/intents/${ids[0]}`), 404, "not_found");
  });
});

describe("GET /api/v1/intents/{id}", () => {
  it("returns the intent with its decision", async () => {
    const res = await api(org.agent.key, "GET", `/api/v1/intents/${ids[0]}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: ids[0], status: "approved", metadata: { invoice_id: "INV-2026-0341" } });
  });

  it("?wait long-polls until a person decides", async () => {
    const agent = await createAgent(org.id, 5_000_000);
    const submitted = (await api(agent.key, "POST", "/api/v1/intents", intentBody({ amount: 2_000_000 }))).body;
    const started = Date.now();
    const waiting = api(agent.key, "GET", `/api/v1/intents/${submitted.id}?wait=20`);
    await new Promise((r) => setTimeout(r, 500));
    const answered = await api(org.approver.key, "POST", `/api/v1/approvals/${submitted.approval.id}`, { decision: "approve" });
    expect(answered.status).toBe(200);
    const res = await waiting;
    expect(res.body.status).toBe("approved");
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("?wait answers with the current state when time is up", async () => {
    const submitted = (await api(org.agent.key, "POST", "/api/v1/intents", intentBody({ amount: 2_000_000 }))).body;
    const started = Date.now();
    const res = await api(org.agent.key, "GET", `/api/v1/intents/${submitted.id}?wait=1`);
    expect(res.body.status).toBe("pending_approval");
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expectError(await api(org.agent.key, "GET", `/api/v1/intents/${submitted.id}?wait=31`), 400, "validation_error");
  });

  it("?wait returns at once for a decided intent", async () => {
    const started = Date.now();
    const res = await api(org.agent.key, "GET", `/api/v1/intents/${ids[1]}?wait=30`);
    expect(res.body.status).toBe("approved");
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe("agent keys of revoked agents", () => {
  it("a revoked key is refused", async () => {
    const agent = await createAgent(org.id);
    const key = await admin<{ id: string; key: string }>(["key", "create"], { agent: agent.id });
    expect((await api(key.key, "GET", "/api/v1/intents")).status).toBe(200);
    await admin(["key", "revoke"], { key: key.id });
    expectError(await api(key.key, "GET", "/api/v1/intents"), 401, "unauthenticated");
  });
});
