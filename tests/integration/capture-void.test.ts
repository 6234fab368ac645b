import { beforeAll, describe, expect, it } from "vitest";
import { api, expectError } from "./support/http";
import { createAgent, createOrg, intentBody, setPolicy, type TestOrg } from "./support/factories";

let org: TestOrg;
beforeAll(async () => {
  org = await createOrg();
});

const wallet = async (agentId: string) => (await api(org.admin.key, "GET", `/api/v1/agents/${agentId}`)).body.wallet;

/** A fresh agent (₹1,00,000) with one auto-approved intent of `amount`. */
async function approved(amount = 500_000) {
  const agent = await createAgent(org.id, 10_000_000);
  const intent = (await api(agent.key, "POST", "/api/v1/intents", intentBody({ amount }))).body;
  expect(intent).toMatchObject({ status: "approved", settlement: "uncaptured", captured_amount: null, settled_at: null });
  return { agent, intent };
}

describe("POST /api/v1/intents/{id}/capture", () => {
  it("a partial capture returns the rest to the wallet; a second capture or a void is 409", async () => {
    const { agent, intent } = await approved(500_000);
    expect(await wallet(agent.id)).toMatchObject({ balance: 9_500_000, available: 9_500_000 });
    const res = await api(agent.key, "POST", `/api/v1/intents/${intent.id}/capture`, { amount: 420_000 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: intent.id, status: "approved", amount: 500_000, captured_amount: 420_000, settlement: "captured" });
    expect(Date.parse(res.body.settled_at)).toBeGreaterThan(0);
    expect(await wallet(agent.id)).toMatchObject({ balance: 9_580_000, held: 0, available: 9_580_000 });

    expectError(await api(agent.key, "POST", `/api/v1/intents/${intent.id}/capture`, { amount: 420_000 }), 409, "intent_already_settled");
    expectError(await api(agent.key, "POST", `/api/v1/intents/${intent.id}/void`), 409, "intent_already_settled");
    expect(await wallet(agent.id)).toMatchObject({ balance: 9_580_000 });
    expect((await api(agent.key, "GET", `/api/v1/intents/${intent.id}`)).body).toMatchObject({ captured_amount: 420_000, settlement: "captured" });
  });

  it("a full capture moves no money", async () => {
    const { agent, intent } = await approved(300_000);
    const res = await api(org.approver.key, "POST", `/api/v1/intents/${intent.id}/capture`, { amount: 300_000 });
    expect(res.body).toMatchObject({ captured_amount: 300_000, settlement: "captured" });
    expect(await wallet(agent.id)).toMatchObject({ balance: 9_700_000 });
  });

  it("refuses more than the approved amount, zero, decimals and unknown fields, moving nothing", async () => {
    const { agent, intent } = await approved(300_000);
    const over = expectError(await api(agent.key, "POST", `/api/v1/intents/${intent.id}/capture`, { amount: 300_001 }), 400, "validation_error");
    expect(over.message).toMatch(/at most the approved amount/);
    for (const body of [{ amount: 0 }, { amount: 12.5 }, { amount: "100" }, {}, { amount: 100, extra: 1 }]) {
      expectError(await api(agent.key, "POST", `/api/v1/intents/${intent.id}/capture`, body), 400, "validation_error");
    }
    expect((await api(agent.key, "GET", `/api/v1/intents/${intent.id}`)).body.settlement).toBe("uncaptured");
    expect(await wallet(agent.id)).toMatchObject({ balance: 9_700_000 });
  });

  it("only approved intents settle: pending approval and denied answer 409", async () => {
    const agent = await createAgent(org.id, 10_000_000);
    const waiting = (await api(agent.key, "POST", "/api/v1/intents", intentBody({ amount: 2_000_000 }))).body;
    expect(waiting.status).toBe("pending_approval");
    expect(waiting.settlement).toBeNull();
    expectError(await api(agent.key, "POST", `/api/v1/intents/${waiting.id}/capture`, { amount: 1 }), 409, "intent_not_approved");
    const denied = (await api(agent.key, "POST", "/api/v1/intents", intentBody({ merchant_category: "gambling" }))).body;
    expectError(await api(agent.key, "POST", `/api/v1/intents/${denied.id}/void`), 409, "intent_not_approved");
  });
});

describe("POST /api/v1/intents/{id}/void", () => {
  it("returns all of it to the wallet, with or without a body", async () => {
    const { agent, intent } = await approved(250_000);
    const res = await api(agent.key, "POST", `/api/v1/intents/${intent.id}/void`, { reason: "Vendor cancelled the order" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ captured_amount: 0, settlement: "voided" });
    expect(await wallet(agent.id)).toMatchObject({ balance: 10_000_000, available: 10_000_000 });
    const other = await approved(100_000);
    expect((await api(other.agent.key, "POST", `/api/v1/intents/${other.intent.id}/void`)).body.settlement).toBe("voided");
  });
});

describe("who may settle", () => {
  it("agent keys only their own agent's intents (another agent's is 404); viewers 403; other organisations 404", async () => {
    const { agent, intent } = await approved(100_000);
    const sibling = await createAgent(org.id);
    expectError(await api(sibling.key, "POST", `/api/v1/intents/${intent.id}/void`), 404, "not_found");
    expectError(await api(org.viewer.key, "POST", `/api/v1/intents/${intent.id}/void`), 403, "forbidden");
    const stranger = await createOrg();
    expectError(await api(stranger.admin.key, "POST", `/api/v1/intents/${intent.id}/capture`, { amount: 1 }), 404, "not_found");
    expectError(await api(null, "POST", `/api/v1/intents/${intent.id}/void`), 401, "unauthenticated");
    expect(await wallet(agent.id)).toMatchObject({ balance: 9_900_000 });
    expect((await api(org.admin.key, "POST", `/api/v1/intents/${intent.id}/void`)).body.settlement).toBe("voided");
  });

  it("the OpenAPI document names both operations and the intent's new fields", async () => {
    const spec = (await api(null, "GET", "/api/v1/openapi.json")).body;
    expect(spec.paths["/intents/{id}/capture"].post.operationId).toBe("captureIntent");
    expect(spec.paths["/intents/{id}/void"].post.operationId).toBe("voidIntent");
    expect(spec.components.schemas.Intent.properties.settlement).toBeDefined();
  });
});

describe("without a rail, settling with the agent's own key returns money but not budget", () => {
  /** A fresh organisation whose daily and monthly budgets are ₹5,000, and a well-funded agent. */
  async function budgeted() {
    const o = await createOrg();
    await setPolicy(o.id, (doc) => {
      doc.rules.daily_budget = 500_000;
      doc.rules.monthly_budget = 500_000;
    });
    const agent = await createAgent(o.id, 10_000_000);
    const spend = (amount: number) => api(agent.key, "POST", "/api/v1/intents", intentBody({ amount }));
    return { o, agent, spend };
  }

  it("an agent that spends its budget, voids with its own key and spends again is held to the budget", async () => {
    const { agent, spend } = await budgeted();
    const first = (await spend(500_000)).body;
    expect(first.status).toBe("approved");
    const voided = await api(agent.key, "POST", `/api/v1/intents/${first.id}/void`);
    expect(voided.body).toMatchObject({ settlement: "voided", captured_amount: 0 });
    // The money came back to the wallet …
    expect((await api(agent.key, "GET", `/api/v1/agents/${agent.id}`)).body.wallet).toMatchObject({ balance: 10_000_000 });
    // … but not the budget: the next spend is over the day's budget.
    const again = (await spend(100)).body;
    expect(again).toMatchObject({ status: "denied", policy_decision: { rule: "daily_budget" } });
  });

  it("a smaller capture with the agent's own key keeps the whole approval on the budget", async () => {
    const { agent, spend } = await budgeted();
    const first = (await spend(400_000)).body;
    await api(agent.key, "POST", `/api/v1/intents/${first.id}/capture`, { amount: 100_000 });
    expect((await spend(100_001)).body).toMatchObject({ status: "denied", policy_decision: { rule: "daily_budget" } });
    expect((await spend(100_000)).body.status).toBe("approved");
  });

  it("a person's void returns both: the agent may spend the budget again", async () => {
    const { o, agent, spend } = await budgeted();
    const first = (await spend(500_000)).body;
    expect((await api(o.approver.key, "POST", `/api/v1/intents/${first.id}/void`)).body.settlement).toBe("voided");
    expect((await spend(500_000)).body.status).toBe("approved");
    expect((await api(agent.key, "GET", `/api/v1/agents/${agent.id}`)).body.wallet).toMatchObject({ balance: 9_500_000 });
  });
});
