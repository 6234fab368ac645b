import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Principal } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { RespondToApprovalInput } from "./approval-schemas";
import { approvalInclude, serializeApprovals } from "./serialize-approval";
import { settleApproval } from "./settle-approval";
import { enqueueEvent } from "@/lib/webhooks/enqueue-event";
import { intentSummary } from "@/lib/webhooks/event-data";

/**
 * One person's answer to an approval. Rules: agents never; viewers never; the intent's
 * submitter never; above the admin threshold only admins; above the dual threshold two
 * distinct approvers (one "reject" ends it). The approval row is locked for the whole
 * transaction, so of two concurrent answers exactly one wins and the other gets a 409.
 * `id` may be the approval's id or its intent's id.
 */
export async function respondToApproval(db: Db, principal: Principal, id: string, input: RespondToApprovalInput) {
  const approvalId = await answerApproval(db, principal, id, input);
  const row = await db.approval.findUniqueOrThrow({ where: { id: approvalId }, include: approvalInclude });
  return (await serializeApprovals(db, [row]))[0];
}

/** The answer itself, at a given time (the demo seed plays its history through this); returns the approval id. */
export async function answerApproval(db: Db, principal: Principal, id: string, input: RespondToApprovalInput, now = new Date()): Promise<string> {
  if (principal.kind !== "user") throw new AppError("forbidden", "Agent keys cannot answer approvals");
  if (principal.role === "viewer") throw new AppError("forbidden", "Viewers cannot answer approvals");

  const found = await db.approval.findFirst({
    where: { orgId: principal.orgId, OR: [{ id }, { intentId: id }] },
    select: { id: true },
  });
  if (!found) throw notFound("Approval");
  const approvalId = found.id;

  const expired = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM approvals WHERE id = ${approvalId} FOR UPDATE`;
    const approval = await tx.approval.findUniqueOrThrow({ where: { id: approvalId }, include: { intent: true, responses: true } });
    if (approval.status !== "pending") {
      throw new AppError("approval_already_answered", `This approval has already been answered (${approval.status})`);
    }
    if (approval.expiresAt <= now) {
      await settleApproval(tx, approvalId, "expired", "system", now);
      return true;
    }
    if (approval.intent.submittedByUserId === principal.userId) {
      throw new AppError("forbidden", "You submitted this intent, so you cannot answer its approval");
    }
    if (approval.requiredRole === "admin" && principal.role !== "admin") {
      throw new AppError("forbidden", "This amount is above the admin threshold: only an admin can answer");
    }
    if (approval.responses.some((r) => r.userId === principal.userId)) {
      throw new AppError("approval_already_answered", "You have already answered this approval; a second approver is needed");
    }
    await tx.approvalResponse.create({
      data: { id: newId("rsp"), approvalId, userId: principal.userId, decision: input.decision, comment: input.comment ?? null, createdAt: now },
    });
    await recordAuditEvent(tx, {
      orgId: principal.orgId,
      actor: principal,
      action: "approval.answered",
      targetId: approvalId,
      data: { decision: input.decision, comment: input.comment ?? null, intent_id: approval.intentId },
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
