import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Principal } from "@/lib/auth/principal";
import type { SqlTx } from "@/lib/db/sql";
import { notifyIntentChanged } from "@/lib/events/intent-events";
import { postLedgerEntry } from "@/lib/ledger/post-ledger-entry";
import type { ApprovalStatus } from "@/lib/generated/kysely/enums";
import { AppError } from "@/lib/errors/app-error";
import { findWalletId } from "@/lib/wallets/find-wallet-id";
import { closeApprovalNotifications } from "@/lib/notifications/close-approval-notifications";
import { countIntentTransition } from "@/lib/counters/apply-counter-delta";
import { lockAgent } from "@/lib/intents/lock-decision-inputs";
import { STATUS_OF_APPROVAL } from "@/lib/intents/intent-status";
import { enqueueEvent } from "@/lib/webhooks/enqueue-event";
import { intentDecidedData, intentSummary } from "@/lib/webhooks/event-data";

export type ApprovalOutcome = Exclude<ApprovalStatus, "pending">;

/**
 * Closes a pending approval and moves the money it held, in the caller's transaction:
 * approved → release the hold and debit; rejected / expired → release the hold. ("Settling"
 * is something else: what an approved intent paid, capture or void, settle-approved-intent.ts.)
 * The guarded update (status still pending) decides any race: only one caller closes it.
 */
export async function closeApproval(tx: SqlTx, approvalId: string, outcome: ApprovalOutcome, actor: Principal | "system", at = new Date()) {
  const closed = await tx
    .updateTable("approvals as a")
    .set({ status: outcome, resolved_at: at })
    .from("intents as i")
    .whereRef("i.id", "=", "a.intent_id")
    .where("a.id", "=", approvalId)
    .where("a.status", "=", "pending")
    .returning(["a.expires_at", "i.id", "i.org_id", "i.agent_id", "i.amount", "i.currency", "i.reason", "i.merchant", "i.merchant_category", "i.confidence"])
    .executeTakeFirst();
  if (!closed) throw new AppError("approval_already_answered", "This approval has already been answered");
  const intent = closed;
  // Decisions lock the agent before its counters and wallet; taking the same order here means
  // a closing and a decision of one agent queue instead of deadlocking.
  await lockAgent(tx, intent.org_id, intent.agent_id);
  const status = STATUS_OF_APPROVAL[outcome];
  // Counters before the wallet: the order decisions and captures take them in.
  const moved = await tx
    .updateTable("intents")
    .set({ status, decided_at: at, ...(outcome === "rejected" ? { rejected_by_person: true } : {}) })
    .where("id", "=", intent.id)
    .where("status", "=", "pending_approval")
    .executeTakeFirst();
  if (moved.numUpdatedRows === BigInt(1)) {
    const transition = {
      from: "pending_approval",
      to: status,
      amount: intent.amount,
      confidence: intent.confidence,
      rejectedByPerson: outcome === "rejected",
    } as const;
    await countIntentTransition(tx, intent.id, transition);
  }
  const walletId = await findWalletId(tx, intent.agent_id, intent.currency);
  const who = actor === "system" ? "system" : actor.label;
  const base = { orgId: intent.org_id, walletId, intentId: intent.id, amount: intent.amount, actor: who };
  await postLedgerEntry(tx, { ...base, kind: "release", memo: `Hold released: approval ${outcome}` });
  // The debit spends what the hold already took from `available` (the hold reported any low-balance crossing).
  if (outcome === "approved") await postLedgerEntry(tx, { ...base, kind: "debit", memo: "Spend approved by a person", lowBalanceCheck: false });
  await recordAuditEvent(tx, {
    orgId: intent.org_id,
    actor,
    action: `approval.${outcome}`,
    targetId: approvalId,
    data: { intent_id: intent.id, amount: intent.amount, currency: intent.currency },
  });
  await enqueueEvent(tx, {
    orgId: intent.org_id,
    type: "intent.decided",
    at,
    data: intentDecidedData(intent, { status, decidedAt: at, decidedBy: "approval", approvalId }),
  });
  if (outcome === "expired") {
    const data = {
      approval: { id: approvalId, status: "expired", expires_at: closed.expires_at.toISOString() },
      intent: { ...intentSummary(intent), status },
    };
    await enqueueEvent(tx, { orgId: intent.org_id, type: "approval.expired", data, at });
  }
  await closeApprovalNotifications(tx, approvalId, at);
  await notifyIntentChanged(tx, intent.id);
}
