import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Principal } from "@/lib/auth/principal";
import type { Tx } from "@/lib/db/client";
import { notifyIntentChanged } from "@/lib/events/intent-events";
import { postLedgerEntry } from "@/lib/ledger/post-ledger-entry";
import type { ApprovalStatus } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors/app-error";
import { closeApprovalNotifications } from "@/lib/notifications/close-approval-notifications";
import { countIntentTransition } from "@/lib/counters/apply-counter-delta";
import { enqueueEvent } from "@/lib/webhooks/enqueue-event";
import { intentDecidedData, intentSummary } from "@/lib/webhooks/event-data";

type Outcome = Exclude<ApprovalStatus, "pending">;
const INTENT_STATUS = { approved: "approved", rejected: "denied", expired: "expired" } as const;

/**
 * Closes a pending approval and moves the money it held, in the caller's transaction:
 * approved → release the hold and debit; rejected / expired → release the hold.
 * The guarded update (status still pending) decides any race: only one caller closes it.
 */
export async function settleApproval(tx: Tx, approvalId: string, outcome: Outcome, actor: Principal | "system", at = new Date()) {
  const closed = await tx.approval.updateMany({ where: { id: approvalId, status: "pending" }, data: { status: outcome, resolvedAt: at } });
  if (closed.count !== 1) throw new AppError("approval_already_answered", "This approval has already been answered");
  const approval = await tx.approval.findUniqueOrThrow({ where: { id: approvalId }, include: { intent: true } });
  const intent = approval.intent;
  // Decisions lock the agent before its counters and wallet; taking the same order here means
  // a settlement and a decision of one agent queue instead of deadlocking.
  await tx.$queryRaw`SELECT id FROM agents WHERE id = ${intent.agentId}::uuid FOR UPDATE`;
  const amount = Number(intent.amount);
  // Counters before the wallet: the order decisions and captures take them in.
  const moved = await tx.intent.updateMany({ where: { id: intent.id, status: "pending_approval" }, data: { status: INTENT_STATUS[outcome], decidedAt: at } });
  if (moved.count === 1) {
    const transition = {
      from: "pending_approval",
      to: INTENT_STATUS[outcome],
      amount,
      confidence: intent.confidence,
      rejectedByPerson: outcome === "rejected",
    } as const;
    await countIntentTransition(tx, intent.id, transition);
  }
  const wallet = await tx.wallet.findUniqueOrThrow({ where: { agentId_currency: { agentId: intent.agentId, currency: intent.currency } } });
  const who = actor === "system" ? "system" : actor.label;
  const base = { orgId: intent.orgId, walletId: wallet.id, intentId: intent.id, amount, actor: who };
  await postLedgerEntry(tx, { ...base, kind: "release", memo: `Hold released: approval ${outcome}` });
  // The debit spends what the hold already took from `available` (the hold reported any low-balance crossing).
  if (outcome === "approved") await postLedgerEntry(tx, { ...base, kind: "debit", memo: "Spend approved by a person", lowBalanceCheck: false });
  await recordAuditEvent(tx, {
    orgId: intent.orgId,
    actor,
    action: `approval.${outcome}`,
    targetId: approvalId,
    data: { intent_id: intent.id, amount, currency: intent.currency },
  });
  const status = INTENT_STATUS[outcome];
  await enqueueEvent(tx, {
    orgId: intent.orgId,
    type: "intent.decided",
    at,
    data: intentDecidedData(intent, { status, decidedAt: at, decidedBy: "approval", approvalId }),
  });
  if (outcome === "expired") {
    const data = {
      approval: { id: approvalId, status: "expired", expires_at: approval.expiresAt.toISOString() },
      intent: { ...intentSummary(intent), status },
    };
    await enqueueEvent(tx, { orgId: intent.orgId, type: "approval.expired", data, at });
  }
  await closeApprovalNotifications(tx, approvalId, at);
  await notifyIntentChanged(tx, intent.id);
}
