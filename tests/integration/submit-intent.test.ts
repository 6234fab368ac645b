import { beforeAll, describe, expect, it } from "vitest";
import { api, expectError } from "./support/http";
import { admin, createAgent, createOrg, intentBody, setPolicy, type TestOrg } from "./support/factories";

let org: TestOrg;
beforeAll(async () => {
  org = await createOrg();
});

const wallet = async (agentId: string) => (await api(org.admin.key, "GET", `/api/v1/agents/${agentId}`)).body.wallet;

describe("POST /api/v1/intents decides and applies the outcome", () => {
  it("approves a small spend at once and debits the wallet", async () => {
    const agent = await createAgent(org.id, 1_000_000);
    const res = await api(agent.key, "POST", "/api/v1/intents", intentBody({ amount: 12_500 }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ object: "intent", status: "approved", agent_id: agent.id, amount: 12_500, currency: "INR", approval: null });
    expect(res.body.id).toMatch(/^int_/);
    expect(res.body.decided_at).not.toBeNull();
    expect(res.body.policy_decision).toMatchObject({ outcome: "approve", rule: "auto_approve_limit" });
    expect(res.body.policy_decision.trace.length).toBeGreaterThanOrEqual(10);
    expect(res.body.policy_decision.budgets.daily).toMatchObject({ limit: 5_000_000, spent: 0 });
    expect(await wallet(agent.id)).toEqual({ currency: "INR", balance: 987_500, held: 0, available: 987_500, low_balance_threshold: null });
  });

  it("routes a large spend to a person: holds the amount and opens an approval", async () => {
    const agent = await createAgent(org.id, 5_000_000);
    const res = await api(agent.key, "POST", "/api/v1/intents", intentBody({ amount: 2_000_000 }));
    expect(res.status).toBe(201);
    expect(res.body.status).toBe("pending_approval");
    expect(res.body.policy_decision).toMatchObject({ outcome: "require_approval", rule: "auto_approve_limit" });
    expect(res.body.approval).toMatchObject({ status: "pending" });
    expect(res.body.approval.id).toMatch(/^apr_/);
    expect(res.body.decided_at).toBeNull();
    expect(await wallet(agent.id)).toEqual({ currency: "INR", balance: 5_000_000, held: 2_000_000, available: 3_000_000, low_balance_threshold: null });
  });

  it("denies above the hard limit and moves nothing", async () => {
    const agent = await createAgent(org.id, 50_000_000);
    const res = await api(agent.key, "POST", "/api/v1/intents", intentBody({ amount: 10_000_001 }));
    expect(res.body).toMatchObject({ status: "denied", policy_decision: { outcome: "deny", rule: "hard_limit" } });
    expect(res.body.policy_decision.reason).toMatch(/hard limit/i);
    expect(await wallet(agent.id)).toEqual({ currency: "INR", balance: 50_000_000, held: 0, available: 50_000_000, low_balance_threshold: null });
  });

  it("denies a currency other than the policy's (the organisation's)", async () => {
    const res = await api(org.agent.key, "POST", "/api/v1/intents", intentBody({ currency: "usd" }));
    expect(res.body).toMatchObject({ currency: "USD", status: "denied", policy_decision: { rule: "currency" } });
    expect(res.body.policy_decision.reason).toMatch(/^Limits are in INR; this intent is in USD/);
  });

  it("denies when the wallet cannot cover the amount", async () => {
    const agent = await createAgent(org.id, 10_000);
    const res = await api(agent.key, "POST", "/api/v1/intents", intentBody({ amount: 10_001 }));
    expect(res.body).toMatchObject({ status: "denied", policy_decision: { rule: "wallet_balance" } });
  });

  it("routes low confidence to a person and denies a blocked category", async () => {
    const low = await api(org.agent.key, "POST", "/api/v1/intents", intentBody({ confidence: 0.3 }));
    expect(low.body).toMatchObject({ status: "pending_approval", policy_decision: { rule: "min_confidence" } });
    const blocked = await api(org.agent.key, "POST", "/api/v1/intents", intentBody({ merchant_category: "Gambling" }));
    expect(blocked.body).toMatchObject({ status: "denied", merchant_category: "gambling", policy_decision: { rule: "category_blocklist" } });
  });

  it("enforces the daily budget across intents", async () => {
    const agent = await createAgent(org.id, 50_000_000);
    await setPolicy(org.id, (doc) => {
      doc.agent_overrides[agent.id] = { daily_budget: 30_000 };
    });
    const first = await api(agent.key, "POST", "/api/v1/intents", intentBody({ amount: 20_000 }));
    const second = await api(agent.key, "POST", "/api/v1/intents", intentBody({ amount: 10_000 }));
    const third = await api(agent.key, "POST", "/api/v1/intents", intentBody({ amount: 1 }));
    expect([first.body.status, second.body.status, third.body.status]).toEqual(["approved", "approved", "denied"]);
    expect(third.body.policy_decision).toMatchObject({ rule: "daily_budget", budgets: { daily: { limit: 30_000, spent: 30_000, remaining: 0 } } });
  });

  it("lets a user key submit for an agent of its organisation, but not a viewer", async () => {
    const res = await api(org.approver.key, "POST", "/api/v1/intents", intentBody({ agent_id: org.agent.id }));
    expect(res.status).toBe(201);
    expectError(await api(org.approver.key, "POST", "/api/v1/intents", intentBody()), 400, "validation_error");
    expectError(await api(org.viewer.key, "POST", "/api/v1/intents", intentBody({ agent_id: org.agent.id })), 403, "forbidden");
  });

  it("refuses an agent key submitting for another agent", async () => {
    const other = await createAgent(org.id);
    expectError(await api(org.agent.key, "POST", "/api/v1/intents", intentBody({ agent_id: other.id })), 403, "forbidden");
    const own = await api(org.agent.key, "POST", "/api/v1/intents", intentBody({ agent_id: org.agent.id }));
    expect(own.status).toBe(201);
  });

  it("denies a suspended agent", async () => {
    const agent = await createAgent(org.id);
    await admin(["agent", "suspend"], { agent: agent.id });
    const res = await api(agent.key, "POST", "/api/v1/intents", intentBody());
    expect(res.body).toMatchObject({ status: "denied", policy_decision: { rule: "agent_status" } });
  });
});

describe("budget windows follow the organisation's time zone", () => {
  it("reports Kolkata days and months with their zone, on decisions and on the agent", async () => {
    const kolkata = await createOrg({ timeZone: "Asia/Kolkata" });
    const res = await api(kolkata.agent.key, "POST", "/api/v1/intents", intentBody({ amount: 10_000 }));
    expect(res.status).toBe(201);
    const { daily, monthly } = res.body.policy_decision.budgets;
    expect(daily).toMatchObject({ time_zone: "Asia/Kolkata", spent: 0 });
    expect(monthly.time_zone).toBe("Asia/Kolkata");
    // Kolkata midnight is 18:30 UTC.
    for (const w of [daily, monthly]) expect(new Date(w.resets_at).toISOString().slice(11, 16)).toBe("18:30");
    const agent = (await api(kolkata.admin.key, "GET", `/api/v1/agents/${kolkata.agent.id}`)).body;
    expect(agent.spend.day).toMatchObject({ time_zone: "Asia/Kolkata", spent: 10_000, resets_at: daily.resets_at });
    expect(agent.spend.month).toMatchObject({ time_zone: "Asia/Kolkata", resets_at: monthly.resets_at });
  });

  it("an organisation without one uses UTC", async () => {
    const res = await api(org.agent.key, "POST", "/api/v1/intents", intentBody({ amount: 10_000 }));
    expect(res.body.policy_decision.budgets.daily.time_zone).toBe("UTC");
    expect(new Date(res.body.policy_decision.budgets.daily.resets_at).getUTCHours()).toBe(0);
  });
});
