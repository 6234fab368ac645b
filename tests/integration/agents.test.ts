import { beforeAll, describe, expect, it } from "vitest";
import { api, expectError } from "./support/http";
import { admin, createAgent, createOrg, intentBody, type TestOrg } from "./support/factories";

let org: TestOrg;
beforeAll(async () => {
  org = await createOrg();
});

describe("GET /api/v1/agents", () => {
  it("lists the organisation's agents with keyset pages", async () => {
    await createAgent(org.id);
    await createAgent(org.id);
    const first = await api(org.viewer.key, "GET", "/api/v1/agents?limit=2");
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ object: "list", has_more: true });
    const second = await api(org.viewer.key, "GET", `/api/v1/agents?limit=2&cursor=${first.body.next_cursor}`);
    const ids = [...first.body.data, ...second.body.data].map((a: { id: string }) => a.id);
    expect(new Set(ids).size).toBe(3);
    expect(ids).toContain(org.agent.id);
  });

  it("an agent key sees only its own agent", async () => {
    const res = await api(org.agent.key, "GET", "/api/v1/agents");
    expect(res.body.data.map((a: { id: string }) => a.id)).toEqual([org.agent.id]);
  });
});

describe("GET /api/v1/agents/{id}", () => {
  it("shows risk with factors, the wallet, spend against budgets and counts", async () => {
    const agent = await createAgent(org.id, 1_000_000);
    await api(agent.key, "POST", "/api/v1/intents", intentBody({ amount: 10_000 }));
    await api(agent.key, "POST", "/api/v1/intents", intentBody({ amount: 600_000, confidence: 0.2 }));
    await api(agent.key, "POST", "/api/v1/intents", intentBody({ amount: 20_000_000 }));
    const res = await api(org.viewer.key, "GET", `/api/v1/agents/${agent.id}`);
    expect(res.status).toBe(200);
    const a = res.body;
    expect(a).toMatchObject({ object: "agent", id: agent.id, status: "active", risk_override: null });
    expect(a.wallet).toEqual({ currency: "INR", balance: 990_000, held: 600_000, available: 390_000, low_balance_threshold: null });
    expect(a.spend.day).toMatchObject({ spent: 610_000, limit: 5_000_000, remaining: 4_390_000 });
    expect(a.spend.month.limit).toBe(50_000_000);
    expect(new Date(a.spend.day.resets_at).getUTCHours()).toBe(0);
    expect(a.counts).toMatchObject({ approved: 1, pending_approval: 1, denied: 1 });
    expect(a.risk_factors.map((f: { factor: string }) => f.factor)).toEqual(["denial_rate", "low_confidence_share", "spend_velocity", "rejected_approvals"]);
  });

  it("an admin override replaces the computed risk level, and high risk needs a person", async () => {
    const agent = await createAgent(org.id);
    await admin(["agent", "risk"], { agent: agent.id, level: "high" });
    const res = await api(org.admin.key, "GET", `/api/v1/agents/${agent.id}`);
    expect(res.body).toMatchObject({ risk_level: "high", risk_override: "high", risk_computed: "low" });
    const intent = await api(agent.key, "POST", "/api/v1/intents", intentBody({ amount: 100 }));
    expect(intent.body).toMatchObject({ status: "pending_approval", policy_decision: { rule: "risk_level" } });
  });

  it("an agent of a JPY organisation gets a JPY wallet without naming a currency, and funding without one stays in it", async () => {
    const yen = await createOrg({ currency: "jpy" });
    const res = await api(yen.viewer.key, "GET", `/api/v1/agents/${yen.agent.id}`);
    expect(res.body.wallet).toMatchObject({ currency: "JPY", balance: 10_000_000 });
    expect(await admin(["wallet", "fund"], { agent: yen.agent.id, amount: 500 })).toMatchObject({ wallet: { currency: "JPY", balance: 10_000_500 } });
    // The admin channel refuses an organisation without a currency, naming the option.
    await expect(admin(["org", "create"], { name: "No currency" })).rejects.toThrow(/--currency is required/);
  });

  it("unknown or malformed ids are 404", async () => {
    expectError(await api(org.admin.key, "GET", "/api/v1/agents/00000000-0000-4000-8000-000000000000"), 404, "not_found");
    expectError(await api(org.admin.key, "GET", "/api/v1/agents/not-a-uuid"), 404, "not_found");
  });
});
