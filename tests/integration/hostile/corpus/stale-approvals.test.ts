import { describe, expect, it } from "vitest";
import { api, expectError } from "../../support/http";
import { admin, createOrg, intentBody, setPolicy, type TestOrg } from "../../support/factories";
import { expectMoneyConsistent, moneyOf } from "./money";

/**
 * Attack corpus (issue 17, item 7): an approval requested under yesterday's policy, answered
 * after the policy tightened. Approving checks every money rule again under the policy of that
 * moment: each tightening below refuses the approval with a 409 that names the rule, the hold
 * stays where it was (nothing is debited), and a rejection still releases it.
 */
const TIGHTENINGS: [string, (doc: any, o: TestOrg) => void, string][] = [
  ["the hard limit lowered below the amount", (doc) => (doc.rules.hard_limit = 1_500_000), "hard_limit"],
  ["the category blocked", (doc) => (doc.rules.category_blocklist = ["saas"]), "category_blocklist"],
  ["the merchant blocked, in another spelling", (doc) => (doc.rules.merchant_blocklist = ["  NOTION "]), "merchant_blocklist"],
  ["a merchant allowlist without it", (doc) => (doc.rules.merchant_allowlist = ["AWS"]), "merchant_allowlist"],
  ["the daily budget lowered below the amount", (doc) => (doc.rules.daily_budget = 1_000_000), "daily_budget"],
  ["the monthly budget lowered below the amount", (doc) => (doc.rules.monthly_budget = 1_000_000), "monthly_budget"],
];

async function waiting(o: TestOrg) {
  const intent = (await api(o.agent.key, "POST", "/api/v1/intents", intentBody({ amount: 2_000_000 }))).body;
  expect(intent.status).toBe("pending_approval");
  return intent;
}

describe("attack corpus: stale approvals after the policy tightens", () => {
  it.each(TIGHTENINGS)("%s: the approval is refused (409, rule named), nothing is debited, and a rejection releases the hold", async (_name, tighten, rule) => {
    const o = await createOrg();
    const intent = await waiting(o);
    await setPolicy(o.id, (doc) => tighten(doc, o));
    const before = await moneyOf(o.admin.key, o.agent.id);
    for (const id of [intent.approval.id, intent.id]) {
      const err = expectError(await api(o.approver.key, "POST", `/api/v1/approvals/${id}`, { decision: "approve" }), 409);
      expect(err.details).toContainEqual({ field: "rule", issue: rule });
    }
    expect((await api(o.admin.key, "GET", `/api/v1/intents/${intent.id}`)).body.status).toBe("pending_approval");
    const after = await expectMoneyConsistent(o.admin.key, o.agent.id);
    expect([after.balance, after.held, after.debited]).toEqual([before.balance, 2_000_000, 0]);
    expect((await api(o.approver.key, "POST", `/api/v1/approvals/${intent.approval.id}`, { decision: "reject" })).status).toBe(200);
    expect((await moneyOf(o.admin.key, o.agent.id)).held).toBe(0);
  });

  it("the organisation frozen, or the agent suspended, after the request: no approval goes through until lifted", async () => {
    const o = await createOrg();
    const [a, b] = [await waiting(o), await waiting(o)];
    expect((await api(o.admin.key, "POST", "/api/v1/organization/freeze", { reason: "corpus" })).status).toBeLessThan(300);
    expectError(await api(o.approver.key, "POST", `/api/v1/approvals/${a.approval.id}`, { decision: "approve" }), 409, "spending_frozen");
    expect((await api(o.admin.key, "DELETE", "/api/v1/organization/freeze")).status).toBeLessThan(300);
    expect((await api(o.approver.key, "POST", `/api/v1/approvals/${a.approval.id}`, { decision: "approve" })).body.status).toBe("approved");
    await admin(["agent", "suspend"], { agent: o.agent.id });
    expectError(await api(o.approver.key, "POST", `/api/v1/approvals/${b.approval.id}`, { decision: "approve" }), 409, "agent_suspended");
    const m = await expectMoneyConsistent(o.admin.key, o.agent.id);
    expect([m.debited, m.held]).toEqual([2_000_000, 2_000_000]);
  });
});
