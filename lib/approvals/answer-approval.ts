import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Principal } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import { looksLikeId, newId } from "@/lib/db/ids";
import { AppError, notFound } from "@/lib/errors/app-error";
import { assertCan, assertPerson } from "@/lib/permissions/can";
import type { RespondToApprovalInput } from "./approval-schemas";
import { settleApproval } from "./settle-approval";
import { loadAnswerRights } from "@/lib/approver-groups/load-answer-rights";
import { assertMoneyRulesAllow } from "./assert-money-rules-allow";
import { enqueueEvent } from "@/lib/webhooks/enqueue-event";
import { intentSummary } from "@/lib/webhooks/event-data";
import { assertFreshSecondFactor } from "@/lib/second-factors/assert-fresh-second-factor";
import { loadResetTies } from "./load-reset-ties";
import { stepUpNeeded } from "./step-up-rule";

/**
 * One person's answer to an approval, at a given time (the demo seed plays its history
 * through this); returns the approval id. Who may answer is the "approval.answer" rule of
 * lib/permissions/can.ts (including approver-group routing); above the dual threshold two
 * distinct approvers are needed, or the approver group's quorum (one "reject" ends it). The approval row is locked for the whole transaction, so of two
 * concurrent answers exactly one wins and the other gets a 409. A suspended agent's
 * approvals take no answer, and an approve is re-checked against the rules that protect
 * money at that moment (assertMoneyRulesAllow): the 409 names the rule. Approving above the
 * organisation's step-up threshold needs a second factor checked in the last five minutes in
 * this browser session (a user key or MCP gets 403 step_up_required: approve it in the
 * dashboard); a rejection moves no money and never asks. Two people tied by a password link of
 * the last 24 hours never make up two approvals. `id` may be the approval's id or its intent's id.
 */
export async function answerApproval(db: Db, principal: Principal, id: string, input: RespondToApprovalInput, now = new Date()): Promise<string> {
  assertPerson(principal, "approval.answer");
  if (!looksLikeId(id)) throw notFound("Approval");

  const found = await db.approval.findFirst({
    where: { orgId: principal.orgId, OR: [{ id }, { intentId: id }] },
    select: { id: true },
  });
  if (!found) throw notFound("Approval");
  const approvalId = found.id;

  const expired = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM approvals WHERE id = ${approvalId} FOR UPDATE`;
    const approval = await tx.approval.findUniqueOrThrow({
      where: { id: approvalId },
      include: {
        intent: { include: { apiKey: { select: { createdByUserId: true } } } },
        responses: true,
        group: { select: { name: true, escalateToGroupId: true } },
        org: { select: { stepUpThreshold: true, currency: true } },
      },
    });
    if (approval.status !== "pending") {
      throw new AppError("approval_already_answered", `This approval has already been answered (${approval.status})`);
    }
    if (approval.expiresAt <= now) {
      await settleApproval(tx, approvalId, "expired", "system", now);
      return true;
    }
    assertCan(principal, "approval.answer", {
      orgId: approval.orgId,
      requiredRole: approval.requiredRole,
      submittedByUserId: approval.intent.submittedByUserId,
      keyCreatedByUserId: approval.intent.apiKey?.createdByUserId ?? null,
      answeredBy: approval.responses.map((r) => r.userId),
      routing: {
        groupId: approval.groupId,
        groupName: approval.group?.name ?? null,
        escalated: approval.escalatedAt !== null,
        escalateToGroupId: approval.group?.escalateToGroupId ?? null,
        actorGroupIds: approval.groupId ? (await loadAnswerRights(tx, principal.orgId, principal.userId, now)).groupIds : new Set(),
      },
      resetTies: approval.responses.length ? await loadResetTies(tx, principal.orgId, principal.userId, now) : [],
    });
    // Issue 17, item 3: large approvals need a fresh passkey or TOTP check in this browser session (never a bare key).
    if (input.decision === "approve" && stepUpNeeded(approval, approval.intent.currency, approval.org)) {
      await assertFreshSecondFactor(tx, principal, "Approving this amount", { now });
    }
    await assertMoneyRulesAllow(tx, approval.intent, input.decision, now);
    await tx.approvalResponse.create({
      data: { id: newId("rsp"), approvalId, userId: principal.userId, decision: input.decision, comment: input.comment ?? null, createdAt: now },
    });
    await recordAuditEvent(tx, {
      orgId: principal.orgId,
      actor: principal,
      action: "approval.answered",
      targetId: approvalId,
      // An admin whose one approval moves the money shows as acting alone (no second pair of eyes).
      data: {
        decision: input.decision,
        comment: input.comment ?? null,
        intent_id: approval.intentId,
        acting_alone: principal.role === "admin" && input.decision === "approve" && approval.approvalsRequired <= 1,
      },
    });
    const approvals = approval.responses.filter((r) => r.decision === "approve").length + (input.decision === "approve" ? 1 : 0);
    const settled = input.decision === "reject" ? "rejected" : approvals >= approval.approvalsRequired ? "approved" : null;
    await enqueueEvent(tx, {
      orgId: principal.orgId,
      type: "approval.answered",
      at: now,
      data: {
        approval: { id: approvalId, status: settled ?? "pending", approvals_required: approval.approvalsRequired, approvals_received: approvals },
        answer: { decision: input.decision, comment: input.comment ?? null, user_id: principal.userId, email: principal.email, answered_at: now.toISOString() },
        intent: intentSummary(approval.intent),
      },
    });
    if (settled) await settleApproval(tx, approvalId, settled, principal, now);
    return false;
  });
  if (expired) throw new AppError("approval_already_answered", "This approval expired before it was answered");
  return approvalId;
}
