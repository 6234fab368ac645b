import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { UserPrincipal } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { settleApproval } from "@/lib/approvals/settle-approval";

/**
 * A person's answer in the demo's past. respondToApproval reads the wall clock (and would
 * expire an approval older than its expiry), so history is answered here with the same
 * steps at a given time: response row, audit event, then the real settleApproval moves
 * the money. The plan only asks people allowed to answer (role, not the submitter).
 * Returns false when the approval was no longer pending.
 */
export async function answerApprovalAt(
  db: Db,
  principal: UserPrincipal,
  approvalId: string,
  answer: { decision: "approve" | "reject"; comment: string },
  at: Date,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM approvals WHERE id = ${approvalId} FOR UPDATE`;
    const approval = await tx.approval.findUniqueOrThrow({ where: { id: approvalId }, include: { responses: true } });
    if (approval.status !== "pending" || approval.expiresAt <= at) return false;
    if (approval.requiredRole === "admin" && principal.role !== "admin") return false;
    if (approval.responses.some((r) => r.userId === principal.userId)) return false;
    await tx.approvalResponse.create({
      data: { id: newId("rsp"), approvalId, userId: principal.userId, decision: answer.decision, comment: answer.comment, createdAt: at },
    });
    await recordAuditEvent(tx, {
      orgId: principal.orgId,
      actor: principal,
      action: "approval.answered",
      targetType: "approval",
      targetId: approvalId,
      data: { decision: answer.decision, comment: answer.comment, intent_id: approval.intentId },
    });
    const approvals = approval.responses.filter((r) => r.decision === "approve").length + (answer.decision === "approve" ? 1 : 0);
    if (answer.decision === "reject") await settleApproval(tx, approvalId, "rejected", principal, at);
    else if (approvals >= approval.approvalsRequired) await settleApproval(tx, approvalId, "approved", principal, at);
    return true;
  });
}
