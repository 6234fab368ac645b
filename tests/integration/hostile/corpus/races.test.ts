import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../support/http";
import { createAgent, createOrg, intentBody, setPolicy, type TestOrg } from "../../support/factories";
import { expectMoneyConsistent } from "./money";

/**
 * Attack corpus (issue 17, item 7): races on the money rules. Many submits at once against one
 * daily budget, one velocity limit, one wallet (debits and holds): the rules hold exactly as if
 * the submits had come one by one. On PostgreSQL the requests truly run side by side; on the
 * embedded database the same requests are interleaved by the server.
 */
let org: TestOrg;
beforeAll(async () => {
  org = await createOrg();
});

const burst = (key: string, n: number, amount: number) =>
  Promise.all(Array.from({ length: n }, (_, i) => api(key, "POST", "/api/v1/intents", intentBody({ amount, metadata: { n: i } })).then((r) => r.body)));
const count = (intents: { status: string }[], status: string) => intents.filter((i) => i.status === status).length;

describe("attack corpus: races", () => {
  it("12 submits of ₹9,000 at once against a ₹50,000 daily budget: exactly 5 approved, the rest denied by the budget", async () => {
    const agent = await createAgent(org.id, 100_000_000);
    const intents = await burst(agent.key, 12, 900_000);
    expect(count(intents, "approved")).toBe(5);
    expect(intents.filter((i) => i.status === "denied").every((i) => i.policy_decision.rule === "daily_budget")).toBe(true);
    const m = await expectMoneyConsistent(org.admin.key, agent.id);
    expect(m.debited).toBe(5 * 900_000);
  });

  it("10 submits at once against a velocity limit of 4 an hour: exactly 4 get through", async () => {
    const fast = await createOrg();
    await setPolicy(fast.id, (doc) => {
      doc.rules.max_intents_per_hour = 4;
    });
    const intents = await burst(fast.agent.key, 10, 1_000);
    expect(count(intents, "approved")).toBe(4);
    expect(intents.filter((i) => i.status === "denied").every((i) => i.policy_decision.rule === "velocity")).toBe(true);
  });

  it("8 debits of ₹3,000 at once from a ₹10,000 wallet: exactly 3 approved, never below zero", async () => {
    const agent = await createAgent(org.id, 1_000_000);
    const intents = await burst(agent.key, 8, 300_000);
    expect(count(intents, "approved")).toBe(3);
    const m = await expectMoneyConsistent(org.admin.key, agent.id);
    expect([m.balance, m.available]).toEqual([100_000, 100_000]);
  });

  it("5 approvals-needed submits of ₹20,000 at once against a ₹50,000 wallet: holds never exceed it", async () => {
    const agent = await createAgent(org.id, 5_000_000);
    const intents = await burst(agent.key, 5, 2_000_000);
    expect(count(intents, "pending_approval")).toBe(2);
    const m = await expectMoneyConsistent(org.admin.key, agent.id);
    expect([m.held, m.available]).toEqual([4_000_000, 1_000_000]);
  });

  it("approving every waiting intent at once while the agent submits more: the wallet is never overdrawn", async () => {
    const agent = await createAgent(org.id, 5_000_000);
    const waiting = await burst(agent.key, 2, 2_000_000);
    const [answers, more] = await Promise.all([
      Promise.all(waiting.map((i) => api(org.approver.key, "POST", `/api/v1/approvals/${i.approval.id}`, { decision: "approve" }))),
      burst(agent.key, 4, 400_000),
    ]);
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(count(more, "approved")).toBe(2); // ₹10,000 was left beside the two holds: two of ₹4,000 fit
    const m = await expectMoneyConsistent(org.admin.key, agent.id);
    expect([m.balance, m.held]).toEqual([5_000_000 - 4_000_000 - 800_000, 0]);
  });
});
