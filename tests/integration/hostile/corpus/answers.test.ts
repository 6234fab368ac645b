import { beforeAll, describe, expect, it } from "vitest";
import { api, expectError } from "../../support/http";
import { createAgent, createOrg, intentBody, setPolicy, type TestOrg } from "../../support/factories";
import { expectMoneyConsistent } from "./money";

/**
 * Attack corpus (issue 17, item 7): answering an approval twice, approving after a rejection,
 * racing two answers, and answering from where no answer may come. Exactly one answer decides;
 * every other is a 409 (or 403/404) and moves no money.
 */
let org: TestOrg;
beforeAll(async () => {
  org = await createOrg();
  // Budgets out of the way: the race below approves many ₹15,000 intents of one agent.
  await setPolicy(org.id, (doc) => {
    doc.rules.daily_budget = 1_000_000_000;
    doc.rules.monthly_budget = 1_000_000_000;
  });
});

async function waitingIntent(agent = org.agent) {
  const intent = (await api(agent.key, "POST", "/api/v1/intents", intentBody({ amount: 2_000_000 }))).body;
  expect(intent.status).toBe("pending_approval");
  return intent;
}
const answer = (key: string, id: string, decision: string) => api(key, "POST", `/api/v1/approvals/${id}`, { decision });
const statusOf = async (id: string) => (await api(org.admin.key, "GET", `/api/v1/intents/${id}`)).body.status;

describe("attack corpus: double answers", () => {
  it("the same approver approving twice: the second is a 409, one debit", async () => {
    const agent = await createAgent(org.id);
    const intent = await waitingIntent(agent);
    expect((await answer(org.approver.key, intent.approval.id, "approve")).status).toBe(200);
    expectError(await answer(org.approver.key, intent.approval.id, "approve"), 409);
    expectError(await answer(org.approver.key, intent.id, "approved"), 409); // by the intent id and a synonym too
    const m = await expectMoneyConsistent(org.admin.key, agent.id);
    expect([m.debited, m.held]).toEqual([2_000_000, 0]);
  });

  it("an approve after a reject, by someone else, is a 409: the rejection stands and the hold is released", async () => {
    const agent = await createAgent(org.id);
    const intent = await waitingIntent(agent);
    expect((await answer(org.approver.key, intent.approval.id, "reject")).status).toBe(200);
    expectError(await answer(org.approver2.key, intent.approval.id, "approve"), 409);
    expectError(await answer(org.admin.key, intent.approval.id, "approve"), 409);
    expect(await statusOf(intent.id)).toBe("denied");
    const m = await expectMoneyConsistent(org.admin.key, agent.id);
    expect([m.debited, m.held]).toEqual([0, 0]);
  });

  it("approve and reject sent at once, ten times over: exactly one wins each time, and the money follows the winner", async () => {
    const agent = await createAgent(org.id, 100_000_000);
    for (let i = 0; i < 10; i++) {
      const intent = (await api(agent.key, "POST", "/api/v1/intents", intentBody({ amount: 1_500_000 + i }))).body;
      expect(intent.status).toBe("pending_approval");
      const [a, b] = await Promise.all([
        answer(org.approver.key, intent.approval.id, "approve"),
        answer(org.approver2.key, intent.approval.id, i % 2 ? "reject" : "deny"),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      expect(await statusOf(intent.id)).toBe(a.status === 200 ? "approved" : "denied");
    }
    const m = await expectMoneyConsistent(org.admin.key, agent.id);
    expect(m.held).toBe(0);
  });

  it("answers from where none may come: an agent key (403), another organisation (404), a viewer (403); nothing is decided", async () => {
    const other = await createOrg();
    const intent = await waitingIntent();
    expectError(await answer(org.agent.key, intent.approval.id, "approve"), 403);
    expectError(await answer(other.admin.key, intent.approval.id, "approve"), 404);
    expectError(await answer(org.viewer.key, intent.approval.id, "approve"), 403);
    expect(await statusOf(intent.id)).toBe("pending_approval");
  });

  it("whoever submitted an intent cannot approve it, by approval id or intent id", async () => {
    const intent = (await api(org.approver.key, "POST", "/api/v1/intents", intentBody({ agent_id: org.agent.id, amount: 2_000_000 }))).body;
    expect(intent.status).toBe("pending_approval");
    expectError(await answer(org.approver.key, intent.approval.id, "approve"), 403);
    expectError(await answer(org.approver.key, intent.id, "approve"), 403);
    expect(await statusOf(intent.id)).toBe("pending_approval");
  });
});
