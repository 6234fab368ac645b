import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerApproval } from "@/lib/approvals/answer-approval";
import { listApprovals } from "@/lib/approvals/list-approvals";
import { countInbox, loadInbox } from "@/lib/approvals/load-inbox";
import { parseInboxQuery } from "@/lib/approvals/inbox-query";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import type { Principal, UserPrincipal } from "@/lib/auth/principal";
import { createApproverGroup } from "@/lib/approver-groups/create-approver-group";
import { escalateOverdueApprovals } from "@/lib/approver-groups/escalate-overdue-approvals";
import { loadAnswerRights } from "@/lib/approver-groups/load-answer-rights";
import { createDelegation } from "@/lib/delegations/create-delegation";
import type { Db } from "@/lib/db/client";
import { submitIntent } from "@/lib/intents/submit-intent";
import { can } from "@/lib/permissions/can";
import { toPolicyDocument } from "@/lib/policies/engine";
import { getOrgPolicy } from "@/lib/policies/get-org-policy";
import { setOrgPolicy } from "@/lib/policies/set-org-policy";
import { createTestDb } from "./support/test-db";
import { seedOrg } from "./support/seed";

let db: Db;
let close: () => Promise<void>;
beforeAll(async () => ({ db, close } = await createTestDb()), 120_000); // migrating a fresh PGlite takes seconds
afterAll(() => close());

/** An organisation whose policy sends everything above ₹100 to a person (no budgets in the way). */
async function setup() {
  const s = await seedOrg(db, { admin: "admin", controller: "admin", approver: "approver", approver2: "approver", viewer: "viewer" });
  const current = await getOrgPolicy(db, s.org.id);
  const doc = toPolicyDocument(current.policy);
  doc.rules = { ...doc.rules, auto_approve_limit: 10_000, daily_budget: null, monthly_budget: null };
  await setOrgPolicy(db, "system", s.org.id, doc, current.version);
  // These answers come without a browser session: keep them under the step-up threshold (tested in tests/domain/identity.test.ts).
  await db.organization.update({ where: { id: s.org.id }, data: { stepUpThreshold: BigInt(Number.MAX_SAFE_INTEGER) } });
  const key = await createApiKey(db, "system", { orgId: s.org.id, kind: "agent", agentId: s.agent.id });
  const agent = await authenticateApiKey(db, key.key);
  const submit = async (by: Principal, amount: number) =>
    (
      await submitIntent(
        db,
        by,
        { agent_id: s.agent.id, amount, currency: "INR", reason: "test", confidence: 0.9, merchant: "Acme", merchant_category: "saas", metadata: {} },
        null,
      )
    ).intent;
  return { ...s, agent, submit };
}

/** For every person: the inbox query lists exactly the open approvals can() lets them answer, routing included. */
async function expectListsAgreeWithCan(people: Record<string, UserPrincipal>) {
  const orgId = Object.values(people)[0].orgId;
  const open = await db.approval.findMany({
    where: { orgId, status: "pending" },
    include: { intent: { include: { apiKey: true } }, responses: true, group: true },
  });
  expect(open.length).toBeGreaterThan(0);
  let answerable = 0;
  for (const p of Object.values(people)) {
    const { groupIds } = await loadAnswerRights(db, orgId, p.userId);
    const listed = (await listApprovals(db, p, {})).data.map((a) => a.id).sort();
    const allowed = open
      .filter((a) =>
        can(p, "approval.answer", {
          orgId: a.orgId,
          status: a.status,
          requiredRole: a.requiredRole,
          submittedByUserId: a.intent.submittedByUserId,
          keyCreatedByUserId: a.intent.apiKey?.createdByUserId ?? null,
          answeredBy: a.responses.map((r) => r.userId),
          routing: {
            groupId: a.groupId,
            groupName: a.group?.name ?? null,
            escalated: a.escalatedAt !== null,
            escalateToGroupId: a.group?.escalateToGroupId ?? null,
            actorGroupIds: groupIds,
          },
        }),
      )
      .map((a) => a.id)
      .sort();
    expect({ who: p.email, listed }).toEqual({ who: p.email, listed: allowed });
    answerable += allowed.length;
  }
  expect(answerable).toBeGreaterThan(0);
}

describe("approvals, in process on PGlite", { timeout: 60_000 }, () => {
  it("listApprovals shows each person exactly the approvals can() lets them answer", async () => {
    const { people, agent, submit } = await setup();
    await submit(agent, 2_000_000); // approver level
    await submit(agent, 6_000_000); // above the admin threshold
    await submit(people.approver, 2_000_000); // the approver's own submission
    const dual = await submit(agent, 8_000_000); // admin and two people
    expect(dual.status).toBe("pending_approval");
    await answerApproval(db, people.admin, dual.id, { decision: "approve", comment: null });
    // An agent key the controller created: the controller may not answer what it submits.
    const controllersKey = await createApiKey(db, people.controller, {
      orgId: people.admin.orgId,
      kind: "agent",
      agentId: agent.kind === "agent" ? agent.agentId : "",
    });
    await submit(await authenticateApiKey(db, controllersKey.key), 2_000_000);

    await expectListsAgreeWithCan(people);
    expect((await listApprovals(db, people.approver2, {})).data).toHaveLength(3); // the approver-level ones
    expect((await listApprovals(db, people.admin, {})).data).toHaveLength(4); // all but the one it answered
    expect((await listApprovals(db, people.controller, {})).data).toHaveLength(4); // all but its own key's

    // The navigation badge counts what each person may answer; a viewer's, every open approval.
    expect(await countInbox(db, people.approver2)).toEqual({ yours: 3, others: 0 });
    expect(await countInbox(db, people.admin)).toEqual({ yours: 4, others: 0 });
    expect(await countInbox(db, people.viewer)).toEqual({ yours: 0, others: 5 });
    // The inbox page counts both; "waiting on others" holds what the admin already answered.
    const others = await loadInbox(db, people.admin, parseInboxQuery({ view: "others" }, "INR"));
    expect(others.counts).toMatchObject({ yours: 4, others: 1 });
    expect(others.items.map((i) => i.intent_id)).toEqual([dual.id]);
    // One agent's waiting approvals, through its waiting intents.
    const agentId = agent.kind === "agent" ? agent.agentId : "";
    const ofAgent = await loadInbox(db, people.approver2, parseInboxQuery({ agent: agentId }, "INR"));
    expect(ofAgent.items.map((i) => i.agent.id)).toEqual([agentId, agentId, agentId]);
  });

  it("with approver groups, an escalation and a delegation, listApprovals and can() still agree", async () => {
    const { people, agent, submit } = await setup();
    const orgId = people.admin.orgId;
    const escalation = await createApproverGroup(db, "system", orgId, { name: "Escalation desk", members: [people.approver.userId] });
    await createApproverGroup(db, "system", orgId, {
      name: "Travel desk",
      priority: 1,
      members: [people.approver2.userId],
      merchant_categories: ["travel"],
      escalate_after_minutes: 5,
      escalate_to_group_id: escalation.id,
    });
    const travel = async () =>
      (
        await submitIntent(
          db,
          agent,
          { amount: 2_000_000, currency: "INR", reason: "trip", confidence: 0.9, merchant: "Airline", merchant_category: "travel", metadata: {} },
          null,
        )
      ).intent;
    const routed = await travel();
    const escalated = await travel();
    await submit(agent, 2_000_000); // saas: no group matches, any approver answers
    // The second travel approval waited past its group's time: it opens to the escalation desk.
    await db.approval.update({ where: { intentId: escalated.id }, data: { createdAt: new Date(Date.now() - 10 * 60_000) } });
    expect(await escalateOverdueApprovals(db)).toBe(1);

    const routedApproval = await db.approval.findUniqueOrThrow({ where: { intentId: routed.id } });
    expect(routedApproval.groupId).not.toBeNull();
    // Nobody outside the travel desk sees the routed one, until a member delegates to them.
    expect((await listApprovals(db, people.approver, {})).data.map((a) => a.id)).not.toContain(routedApproval.id);
    await expectListsAgreeWithCan(people);
    await createDelegation(db, people.approver2, orgId, {
      to_user: people.approver.userId,
      starts_at: new Date(Date.now() - 60_000).toISOString(),
      ends_at: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect((await listApprovals(db, people.approver, {})).data.map((a) => a.id)).toContain(routedApproval.id);
    await expectListsAgreeWithCan(people);
  });

  it("a dual approval needs a second person; the wallet's hold becomes a debit", async () => {
    const { people, agent, submit } = await setup();
    const intent = await submit(agent, 8_000_000);
    const before = await db.wallet.findFirstOrThrow({ where: { agentId: intent.agent_id } });
    expect(Number(before.held)).toBe(8_000_000);

    await answerApproval(db, people.admin, intent.id, { decision: "approve", comment: null });
    await expect(answerApproval(db, people.admin, intent.id, { decision: "approve", comment: null })).rejects.toMatchObject({
      code: "approval_already_answered",
    });
    await expect(answerApproval(db, people.approver, intent.id, { decision: "approve", comment: null })).rejects.toMatchObject({ code: "forbidden" });
    expect((await db.intent.findUniqueOrThrow({ where: { id: intent.id } })).status).toBe("pending_approval");

    const second = await db.user.create({
      data: { id: `usr_second_${Date.now()}`, orgId: people.admin.orgId, email: `second-${Date.now()}@test.local`, name: "Second", role: "admin" },
    });
    await answerApproval(db, { ...people.admin, userId: second.id, email: second.email, label: second.email }, intent.id, {
      decision: "approve",
      comment: null,
    });

    const after = await db.wallet.findFirstOrThrow({ where: { agentId: intent.agent_id } });
    expect((await db.intent.findUniqueOrThrow({ where: { id: intent.id } })).status).toBe("approved");
    expect(Number(after.held)).toBe(0);
    expect(Number(after.balance)).toBe(Number(before.balance) - 8_000_000);
    const kinds = (await db.ledgerEntry.findMany({ where: { intentId: intent.id }, orderBy: { createdAt: "asc" } })).map((e) => e.kind);
    expect(kinds).toEqual(["hold", "release", "debit"]);
  });
});
