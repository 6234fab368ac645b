import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Principal } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import { looksLikeId, newId } from "@/lib/db/ids";
import { sqlOf, sqlTransaction } from "@/lib/db/sql";
import { AppError, notFound } from "@/lib/errors/app-error";
import { assertCan, assertPerson } from "@/lib/permissions/can";
import type { RespondToApprovalInput } from "./approval-schemas";
import { closeApproval } from "./close-approval";
import { loadAnswerRights } from "@/lib/approver-groups/load-answer-rights";
import { assertMoneyRulesAllow } from "./assert-money-rules-allow";
import { enqueueEvent } from "@/lib/webhooks/enqueue-event";
import { intentSummary } from "@/lib/webhooks/event-data";

/**
 * One person's answer to an approval, at a given time (the demo seed plays its history
 * through this); returns the approval id. Who may answer is the "approval.answer" rule of
 * lib/permissions/can.ts (including approver-group routing); above the dual threshold two
 * distinct approvers are needed, or the approver group's quorum (one "reject" ends it). The
 * approval row is locked for the whole transaction, so of two concurrent answers exactly one
 * wins and the other gets a 409. A suspended agent's approvals take no answer, and an approve
 * is re-checked against the rules that protect money at that moment (assertMoneyRulesAllow):
 * the 409 names the rule. `id` may be the approval's id or its intent's id.
 */
export async function answerApproval(db: Db, principal: Principal, id: string, input: RespondToApprovalInput, now = new Date()): Promise<string> {
  assertPerson(principal, "approval.answer");
  if (!looksLikeId(id)) throw notFound("Approval");

  const found = await sqlOf(db)
    .selectFrom("approvals")
    .select(["id", "group_id"])
    .where("org_id", "=", principal.orgId)
    .where((eb) => eb.or([eb("id", "=", id), eb("intent_id", "=", id)]))
    .executeTakeFirst();
  if (!found) throw notFound("Approval");
  const approvalId = found.id;
  // The route is fixed when the approval opens, so whose groups count is known before the lock.
  const actorGroupIds = found.group_id ? (await loadAnswerRights(db, principal.orgId, principal.userId, now)).groupIds : new Set<string>();

  const expired = await sqlTransaction(db, async (tx) => {
    const approval = await tx
      .selectFrom("approvals as a")
      .innerJoin("intents as i", "i.id", "a.intent_id")
      .leftJoin("api_keys as k", "k.id", "i.api_key_id")
      .leftJoin("approver_groups as g", "g.id", "a.group_id")
      .select(["a.status", "a.expires_at", "a.org_id as approval_org_id", "a.required_role", "a.approvals_required", "a.group_id", "a.escalated_at"])
      .select(["g.name as group_name", "g.escalate_to_group_id", "k.created_by_user_id as key_created_by_user_id", "i.submitted_by_user_id"])
      .select(["i.id", "i.org_id", "i.agent_id", "i.amount", "i.currency", "i.reason", "i.confidence", "i.merchant", "i.merchant_category", "i.created_at"])
      .where("a.id", "=", approvalId)
      .forUpdate("a")
      .executeTakeFirstOrThrow();
    if (approval.status !== "pending") {
      throw new AppError("approval_already_answered", `This approval has already been answered (${approval.status})`);
    }
    if (approval.expires_at <= now) {
      await closeApproval(tx, approvalId, "expired", "system", now);
      return true;
    }
    const responses = await tx.selectFrom("approval_responses").select(["user_id", "decision"]).where("approval_id", "=", approvalId).execute();
    assertCan(principal, "approval.answer", {
      orgId: approval.approval_org_id,
      requiredRole: approval.required_role,
      submittedByUserId: approval.submitted_by_user_id,
      keyCreatedByUserId: approval.key_created_by_user_id,
      answeredBy: responses.map((r) => r.user_id),
      routing: {
        groupId: approval.group_id,
        groupName: approval.group_name,
        escalated: approval.escalated_at !== null,
        escalateToGroupId: approval.escalate_to_group_id,
        actorGroupIds,
      },
    });
    await assertMoneyRulesAllow(tx, approval, input.decision, now);
    await tx
      .insertInto("approval_responses")
      .values({
        id: newId("rsp"),
        approval_id: approvalId,
        user_id: principal.userId,
        decision: input.decision,
        comment: input.comment ?? null,
        created_at: now,
      })
      .execute();
    await recordAuditEvent(tx, {
      orgId: principal.orgId,
      actor: principal,
      action: "approval.answered",
      targetId: approvalId,
      // An admin whose one approval moves the money shows as acting alone (no second pair of eyes).
      data: {
        decision: input.decision,
        comment: input.comment ?? null,
        intent_id: approval.id,
        acting_alone: principal.role === "admin" && input.decision === "approve" && approval.approvals_required <= 1,
      },
    });
    const approvals = responses.filter((r) => r.decision === "approve").length + (input.decision === "approve" ? 1 : 0);
    const outcome = input.decision === "reject" ? "rejected" : approvals >= approval.approvals_required ? "approved" : null;
    await enqueueEvent(tx, {
      orgId: principal.orgId,
      type: "approval.answered",
      at: now,
      data: {
        approval: { id: approvalId, status: outcome ?? "pending", approvals_required: approval.approvals_required, approvals_received: approvals },
        answer: { decision: input.decision, comment: input.comment ?? null, user_id: principal.userId, email: principal.email, answered_at: now.toISOString() },
        intent: intentSummary(approval),
      },
    });
    if (outcome) await closeApproval(tx, approvalId, outcome, principal, now);
    return false;
  });
  if (expired) throw new AppError("approval_already_answered", "This approval expired before it was answered");
  return approvalId;
}
