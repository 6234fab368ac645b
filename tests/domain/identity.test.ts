import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerApproval } from "@/lib/approvals/answer-approval";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import type { UserPrincipal } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import { submitIntent } from "@/lib/intents/submit-intent";
import { toPolicyDocument } from "@/lib/policies/engine";
import { getOrgPolicy } from "@/lib/policies/get-org-policy";
import { setOrgPolicy } from "@/lib/policies/set-org-policy";
import { recordSessionFactor } from "@/lib/second-factors/record-session-factor";
import { issuePasswordReset } from "@/lib/users/issue-password-reset";
import { redeemUserLink } from "@/lib/users/redeem-user-link";
import { createTestDb } from "./support/test-db";
import { seedOrg } from "./support/seed";

let db: Db;
let close: () => Promise<void>;
beforeAll(async () => ({ db, close } = await createTestDb()), 120_000);
afterAll(() => close());

/** Dual approval from ₹15,000, admins only above ₹5,00,000; everything above ₹100 goes to a person. */
async function setup() {
  const s = await seedOrg(db, { admin: "admin", approver: "approver", approver2: "approver" });
  const current = await getOrgPolicy(db, s.org.id);
  const doc = toPolicyDocument(current.policy);
  doc.rules = { ...doc.rules, auto_approve_limit: 10_000, daily_budget: null, monthly_budget: null };
  doc.approvals = { ...doc.approvals, dual_approval_threshold: 1_500_000, admin_threshold: 50_000_000 };
  await setOrgPolicy(db, "system", s.org.id, doc, current.version);
  const agent = await authenticateApiKey(db, (await createApiKey(db, "system", { orgId: s.org.id, kind: "agent", agentId: s.agent.id })).key);
  const submit = async (amount: number) =>
    (
      await submitIntent(
        db,
        agent,
        { agent_id: s.agent.id, amount, currency: "INR", reason: "t", confidence: 0.9, merchant: "Acme", merchant_category: "saas", metadata: {} },
        null,
      )
    ).intent;
  return { ...s, submit };
}

/** Issues a reset link as `by` and uses it (the token comes back only when SMTP is off, as here). */
async function resetThroughLink(by: UserPrincipal, userId: string, now: Date) {
  const { link } = await issuePasswordReset(db, by, { userId });
  await redeemUserLink(db, link!.split("#")[1], "chosen through the link", now);
}

describe("the 24-hour rule of password links", () => {
  it("a person whose password came from X's link is not the second approver of what X approved, either way round, for 24 hours", async () => {
    const s = await setup();
    const now = new Date();
    await resetThroughLink(s.people.admin, s.people.approver.userId, now);
    const a = await s.submit(2_000_000);
    await answerApproval(db, s.people.admin, a.id, { decision: "approve" }, now);
    await expect(answerApproval(db, s.people.approver, a.id, { decision: "approve" }, now)).rejects.toMatchObject({ code: "forbidden" });
    // The other order too: the person approves first, the issuer second.
    const b = await s.submit(2_000_000);
    await answerApproval(db, s.people.approver, b.id, { decision: "approve" }, now);
    await expect(answerApproval(db, s.people.admin, b.id, { decision: "approve" }, now)).rejects.toMatchObject({ code: "forbidden" });
    // Anyone else may, and after 24 hours so may they.
    await answerApproval(db, s.people.approver2, b.id, { decision: "approve" }, now);
    const c = await s.submit(2_000_000);
    const later = new Date(now.getTime() + 24 * 3_600_000 + 60_000);
    await answerApproval(db, s.people.admin, c.id, { decision: "approve" }, later);
    await expect(answerApproval(db, s.people.approver, c.id, { decision: "approve" }, later)).resolves.toBeTruthy();
  }, 30_000);
});

describe("step-up", () => {
  it("counts a second-factor check for five minutes, for that session only", async () => {
    const s = await seedOrg(db, { admin: "admin" });
    const current = await getOrgPolicy(db, s.org.id);
    const doc = toPolicyDocument(current.policy);
    doc.rules = { ...doc.rules, daily_budget: null, monthly_budget: null };
    await setOrgPolicy(db, "system", s.org.id, doc, current.version);
    const agent = await authenticateApiKey(db, (await createApiKey(db, "system", { orgId: s.org.id, kind: "agent", agentId: s.agent.id })).key);
    const large = async () =>
      (
        await submitIntent(
          db,
          agent,
          { agent_id: s.agent.id, amount: 6_000_000, currency: "INR", reason: "t", confidence: 0.9, merchant: "A", merchant_category: "saas", metadata: {} },
          null,
        )
      ).intent;
    const session = { ...s.people.admin, sessionId: "session-one-aaaaaaaa" };
    const checkedAt = new Date();
    await recordSessionFactor(db, session, "totp", checkedAt);
    const inFour = new Date(checkedAt.getTime() + 4 * 60_000);
    const inSix = new Date(checkedAt.getTime() + 6 * 60_000);
    await expect(answerApproval(db, session, (await large()).id, { decision: "approve" }, inSix)).rejects.toMatchObject({ code: "step_up_required" });
    await expect(
      answerApproval(db, { ...session, sessionId: "another-session-bbbb" }, (await large()).id, { decision: "approve" }, inFour),
    ).rejects.toMatchObject({
      code: "step_up_required",
    });
    await expect(answerApproval(db, s.people.admin, (await large()).id, { decision: "approve" }, inFour)).rejects.toMatchObject({ code: "step_up_required" });
    await expect(answerApproval(db, session, (await large()).id, { decision: "approve" }, inFour)).resolves.toBeTruthy();
    // A recovery code opens sign-in, never a step-up.
    await recordSessionFactor(db, session, "recovery_code", inFour);
    await expect(answerApproval(db, session, (await large()).id, { decision: "approve" }, inFour)).rejects.toMatchObject({ code: "step_up_required" });
  }, 30_000);
});
