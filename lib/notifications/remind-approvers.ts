import type { Db } from "@/lib/db/client";
import { approvalMessage } from "./approval-message";
import { notificationConfig } from "./notification-config";
import { notifyUsers } from "./notify-users";

/**
 * Reminds the people who can still answer an approval that is about to expire: at most
 * `reminderBeforeMs` left and past half its life (so a short-lived approval is not
 * "reminded" the moment it opens). Once per person and approval, on any instance.
 */
export async function remindApprovers(db: Db, now = new Date(), batch = 50): Promise<number> {
  const { reminderBeforeMs } = notificationConfig();
  const due = await db.approval.findMany({
    where: { status: "pending", expiresAt: { gt: now, lte: new Date(now.getTime() + reminderBeforeMs) } },
    include: { intent: { include: { agent: { select: { name: true } }, decision: { select: { rule: true, reason: true } } } } },
    orderBy: { expiresAt: "asc" },
    take: batch,
  });
  let sent = 0;
  for (const a of due) {
    if (a.expiresAt.getTime() - now.getTime() > now.getTime() - a.createdAt.getTime()) continue;
    const i = a.intent;
    const facts = {
      intentId: i.id,
      amount: Number(i.amount),
      currency: i.currency,
      agentName: i.agent.name,
      reason: i.reason,
      merchant: i.merchant,
      rule: i.decision?.rule ?? "approval",
      ruleReason: i.decision?.reason ?? "",
      expiresAt: a.expiresAt,
      approvalsRequired: a.approvalsRequired,
    };
    sent += await notifyUsers(db, {
      ...approvalMessage(facts, "approval_reminder"),
      orgId: a.orgId,
      kind: "approval_reminder",
      subjectId: a.id,
      audience: a.requiredRole === "admin" ? "admin" : "approver",
      excludeUserId: i.submittedByUserId,
      skipAnsweredApprovalId: a.id,
      groupId: a.groupId,
      at: now,
    });
  }
  return sent;
}
