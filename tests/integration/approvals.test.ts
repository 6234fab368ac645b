import { beforeAll, describe, expect, it } from "vitest";
import { api, expectError } from "./support/http";
import { admin, createAgent, createOrg, createUser, intentBody, setPolicy, type TestOrg } from "./support/factories";

let org: TestOrg;
beforeAll(async () => {
  org = await createOrg();
  // These tests answer large amounts with user keys, which cannot step up (a fresh second factor in a
  // browser: tests/integration/identity-step-up.test.ts); this organisation asks only above ₹10,00,000.
  await admin(["org", "sign-in-rules"], { org: org.id, "step-up-threshold": 100_000_000 });
});

/** Submits an intent that needs a person; returns the intent and the agent. */
async function pending(amount = 2_000_000, balance = 20_000_000) {
  const agent = await createAgent(org.id, balance);
  // Large amounts would exceed the default daily budget (₹50,000) and be denied.
  if (amount > 5_000_000) await setPolicy(org.id, (doc) => (doc.agent_overrides[agent.id] = { daily_budget: null }));
  const intent = (await api(agent.key, "POST", "/api/v1/intents", intentBody({ amount }))).body;
  expect(intent.status).toBe("pending_approval");
  return { intent, agent };
}
const wallet = async (agentId: string) => (await api(org.admin.key, "GET", `/api/v1/agents/${agentId}`)).body.wallet;
const respond = (key: string, id: string, decision: string, comment?: string) =>
  api(key, "POST", `/api/v1/approvals/${id}`, { decision, ...(comment ? { comment } : {}) });

describe("GET /api/v1/approvals", () => {
  it("lists pending approvals oldest first, with the intent and agent embedded", async () => {
    const a = await pending();
    const b = await pending(3_000_000);
    const res = await api(org.approver.key, "GET", "/api/v1/approvals");
    expect(res.status).toBe(200);
    const ids = res.body.data.map((x: { intent_id: string }) => x.intent_id);
    expect(ids.indexOf(a.intent.id)).toBeLessThan(ids.indexOf(b.intent.id));
    const item = res.body.data.find((x: { intent_id: string }) => x.intent_id === a.intent.id);
    expect(item).toMatchObject({ object: "approval", status: "pending", required_role: "approver", approvals_required: 1, responses: [] });
    expect(item.intent).toMatchObject({ id: a.intent.id, amount: 2_000_000 });
    expect(item.agent).toMatchObject({ id: a.agent.id, wallet: { available: 18_000_000, held: 2_000_000 } });
    expect(["low", "medium", "high", "critical"]).toContain(item.agent.risk_level);
    const byAmount = (await api(org.approver.key, "GET", "/api/v1/approvals?sort=amount")).body.data.map((x: any) => x.intent.amount);
    expect([...byAmount].sort((x, y) => y - x)).toEqual(byAmount);
  });

  it("is forbidden to agent keys and empty for viewers", async () => {
    expectError(await api(org.agent.key, "GET", "/api/v1/approvals"), 403, "forbidden");
    expect((await api(org.viewer.key, "GET", "/api/v1/approvals")).body.data).toEqual([]);
  });
});

describe("POST /api/v1/approvals/{id}", () => {
  it("approve turns the hold into a debit and approves the intent", async () => {
    const { intent, agent } = await pending();
    const res = await respond(org.approver.key, intent.approval.id, "approved", "Invoice checked");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "approved", intent: { status: "approved" } });
    expect(res.body.responses).toEqual([expect.objectContaining({ user_email: org.approver.email, decision: "approve", comment: "Invoice checked" })]);
    expect(await wallet(agent.id)).toEqual({ currency: "INR", balance: 18_000_000, held: 0, available: 18_000_000, low_balance_threshold: null });
  });

  it("reject (and its synonyms) releases the hold and denies the intent; answers in canonical form", async () => {
    const { intent, agent } = await pending();
    const res = await respond(org.approver.key, intent.id, "denied");
    expect(res.body).toMatchObject({ status: "rejected", responses: [{ decision: "reject" }], intent: { status: "denied" } });
    expect(await wallet(agent.id)).toEqual({ currency: "INR", balance: 20_000_000, held: 0, available: 20_000_000, low_balance_threshold: null });
    const seen = (await api(agent.key, "GET", `/api/v1/intents/${intent.id}`)).body;
    expect(seen.status).toBe("denied");
  });

  it("a second answer is a 409 and changes nothing", async () => {
    const { intent, agent } = await pending();
    await respond(org.approver.key, intent.approval.id, "approve");
    expectError(await respond(org.approver2.key, intent.approval.id, "reject"), 409, "approval_already_answered");
    expect((await api(agent.key, "GET", `/api/v1/intents/${intent.id}`)).body.status).toBe("approved");
  });

  it("refuses agent keys (403), viewers (403), bad decisions (400) and unknown ids (404)", async () => {
    const { intent } = await pending();
    expectError(await respond(org.agent.key, intent.approval.id, "approve"), 403, "forbidden");
    expectError(await respond(org.viewer.key, intent.approval.id, "approve"), 403, "forbidden");
    expectError(await respond(org.approver.key, intent.approval.id, "maybe"), 400, "validation_error");
    expectError(await respond(org.approver.key, "apr_unknown", "approve"), 404, "not_found");
    expect((await api(org.admin.key, "GET", `/api/v1/intents/${intent.id}`)).body.status).toBe("pending_approval");
  });

  it("the submitter of an intent can never approve it", async () => {
    const res = await api(org.approver.key, "POST", "/api/v1/intents", intentBody({ agent_id: org.agent.id, amount: 2_000_000 }));
    expect(res.body.status).toBe("pending_approval");
    expectError(await respond(org.approver.key, res.body.approval.id, "approve"), 403, "forbidden");
    const listed = (await api(org.approver.key, "GET", "/api/v1/approvals")).body.data.map((a: { id: string }) => a.id);
    expect(listed).not.toContain(res.body.approval.id);
    expect((await respond(org.approver2.key, res.body.approval.id, "approve")).status).toBe(200);
  });

  it("above the admin threshold only an admin may answer", async () => {
    const { intent } = await pending(6_000_000);
    expectError(await respond(org.approver.key, intent.approval.id, "approve"), 403, "forbidden");
    const res = await respond(org.admin.key, intent.approval.id, "approve");
    expect(res.body).toMatchObject({ status: "approved", required_role: "admin" });
  });

  it("above the dual threshold two distinct people must approve", async () => {
    const { intent, agent } = await pending(8_000_000, 30_000_000);
    const first = await respond(org.admin.key, intent.approval.id, "approve");
    expect(first.body).toMatchObject({ status: "pending", approvals_required: 2 });
    expectError(await respond(org.admin.key, intent.approval.id, "approve"), 409, "approval_already_answered");
    expect((await api(agent.key, "GET", `/api/v1/intents/${intent.id}`)).body.status).toBe("pending_approval");
    const admin2 = await createUser(org.id, "admin");
    const second = await respond(admin2.key, intent.approval.id, "approve");
    expect(second.body).toMatchObject({ status: "approved", intent: { status: "approved" } });
    expect(await wallet(agent.id)).toEqual({ currency: "INR", balance: 22_000_000, held: 0, available: 22_000_000, low_balance_threshold: null });
  });

  it("concurrent answers: exactly one wins, the other gets 409", async () => {
    const { intent, agent } = await pending();
    const results = await Promise.all([respond(org.approver.key, intent.approval.id, "approve"), respond(org.approver2.key, intent.approval.id, "reject")]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const final = (await api(agent.key, "GET", `/api/v1/intents/${intent.id}`)).body.status;
    const w = await wallet(agent.id);
    expect(w.held).toBe(0);
    expect(w.balance).toBe(final === "approved" ? 18_000_000 : 20_000_000);
  });
});

describe("approval list paging", () => {
  it("walks the inbox oldest first with limit and cursor", async () => {
    const fresh = await createOrg();
    for (let i = 0; i < 3; i++) {
      const intent = (await api(fresh.agent.key, "POST", "/api/v1/intents", intentBody({ amount: 1_500_000 + i }))).body;
      expect(intent.status).toBe("pending_approval");
    }
    const first = await api(fresh.approver.key, "GET", "/api/v1/approvals?limit=2");
    expect(first.body).toMatchObject({ has_more: true });
    const second = await api(fresh.approver.key, "GET", `/api/v1/approvals?limit=2&cursor=${first.body.next_cursor}`);
    expect(second.body).toMatchObject({ has_more: false, next_cursor: null });
    const amounts = [...first.body.data, ...second.body.data].map((a: any) => a.intent.amount);
    expect(amounts).toEqual([1_500_000, 1_500_001, 1_500_002]);
    expectError(await api(fresh.agent.key, "GET", "/api/v1/approvals?limit=2"), 403, "forbidden");
  });
});
