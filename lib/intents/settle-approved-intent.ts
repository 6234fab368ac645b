import type { Principal } from "@/lib/auth/principal";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SqlTx } from "@/lib/db/sql";
import { AppError } from "@/lib/errors/app-error";
import { findWalletId } from "@/lib/wallets/find-wallet-id";
import { formatMinorUnits } from "@/lib/policies/engine";
import { postLedgerEntry } from "@/lib/ledger/post-ledger-entry";
import { applyCounterDelta } from "@/lib/counters/apply-counter-delta";
import { settlementDelta } from "@/lib/counters/counter-delta";
import { enqueueEvent } from "@/lib/webhooks/enqueue-event";
import { intentSummary } from "@/lib/webhooks/event-data";
import { lockAgent } from "@/lib/intents/lock-decision-inputs";

export type SettleRequest = { kind: "capture"; amount: number; memo?: string } | { kind: "void"; reason?: string };
/**
 * `auto`: the background sweep settled it under the policy's settlement rule (the audit and the
 * webhook say so). The CLI also acts as "system", but an operator's capture is not automatic,
 * so it is a flag of its own rather than read from the actor.
 */
export type SettleOptions = { at?: Date; auto?: boolean };
export type Settled = { intentId: string; orgId: string; kind: SettleRequest["kind"]; approved: number; captured: number; returned: number; currency: string };

/**
 * Records what an approved intent actually paid, in the caller's transaction. Approval
 * already debited the whole amount, so a capture of n writes a `capture` line (nothing
 * moves) and returns the unpaid rest with a `reversal`; a void returns all of it.
 * The guarded update (approved and not yet settled) decides every race: of a capture and a
 * void sent at once, or an agent and the auto-settlement sweep, exactly one wins; the other
 * gets a 409 and moves nothing. The rest goes back to the budgets only when a person or the
 * system settles: an agent's own key returns the money, never the budget (settlementDelta).
 */
export async function settleApprovedIntent(
  tx: SqlTx,
  intentId: string,
  request: SettleRequest,
  actor: Principal | "system",
  options: SettleOptions = {},
): Promise<Settled> {
  const at = options.at ?? new Date();
  const auto = options.auto ?? false;
  const byAgent = actor !== "system" && actor.kind === "agent";
  const intent = await tx.selectFrom("intents").selectAll().where("id", "=", intentId).executeTakeFirstOrThrow();
  // The agent's lock before the intent's row, as every money change of one agent takes them: the
  // update below fires the awaiting-settlement trigger, and a decision of the same agent (which
  // writes its day counters, then inserts its intent, whose trigger comes last) deadlocked with a
  // settlement that took the trigger's counter row first and the day counters after.
  await lockAgent(tx, intent.org_id, intent.agent_id);
  const approved = intent.amount;
  const money = (n: number) => formatMinorUnits(n, intent.currency);
  if (request.kind === "capture" && request.amount > approved) {
    throw new AppError("validation_error", `amount may be at most the approved amount of ${money(approved)}`, [
      { field: "amount", issue: `at most ${approved}` },
    ]);
  }
  const captured = request.kind === "capture" ? request.amount : 0;
  const settledAs = request.kind === "capture" ? "captured" : "voided";
  const settled = await tx
    .updateTable("intents")
    .set({ settlement: settledAs, captured_amount: captured, settled_at: at, settled_by_agent: byAgent })
    .where("id", "=", intentId)
    .where("status", "=", "approved")
    .where("settlement", "is", null)
    .executeTakeFirst();
  if (settled.numUpdatedRows !== BigInt(1)) {
    const now = await tx.selectFrom("intents").select(["status", "settlement"]).where("id", "=", intentId).executeTakeFirstOrThrow();
    if (now.status !== "approved") {
      throw new AppError("intent_not_approved", `Only an approved intent can be captured or voided; this one is ${now.status}`);
    }
    throw new AppError("intent_already_settled", `This intent was already ${now.settlement}; a second capture or void is refused`);
  }
  // Budgets count what was paid: the unpaid rest leaves the day's spend (before the wallet,
  // in the same order a decision takes the counters and the wallet).
  await applyCounterDelta(tx, intentId, settlementDelta(approved, request, { byAgent }));

  const walletId = await findWalletId(tx, intent.agent_id, intent.currency);
  const base = { orgId: intent.org_id, walletId, intentId, actor: actor === "system" ? "system" : actor.label };
  const returned = approved - captured;
  if (captured > 0) {
    const note = request.kind === "capture" && request.memo ? ` (${request.memo})` : "";
    await postLedgerEntry(tx, { ...base, kind: "capture", amount: captured, memo: `Captured: paid ${money(captured)} of ${money(approved)} approved${note}` });
  }
  if (returned > 0) {
    const memo = request.kind === "void" ? "Voided: nothing was paid, all of it returned" : "Not paid: the rest of the approval returned";
    await postLedgerEntry(tx, { ...base, kind: "reversal", amount: returned, memo });
  }
  const amounts = { approved_amount: approved, captured_amount: captured, returned_amount: returned, currency: intent.currency };
  if (request.kind === "capture") {
    const data = { ...amounts, auto, ...(request.memo ? { memo: request.memo } : {}) };
    await recordAuditEvent(tx, { orgId: intent.org_id, actor, action: "intent.captured", targetId: intentId, at, data });
  } else {
    const data = { ...amounts, auto, reason: request.reason ?? null };
    await recordAuditEvent(tx, { orgId: intent.org_id, actor, action: "intent.voided", targetId: intentId, at, data });
  }
  const event = { intent: { ...intentSummary(intent), status: "approved", settlement: settledAs, settled_at: at.toISOString() }, ...amounts, auto };
  await enqueueEvent(tx, { orgId: intent.org_id, type: request.kind === "capture" ? "intent.captured" : "intent.voided", data: event, at });
  return { intentId, orgId: intent.org_id, kind: request.kind, approved, captured, returned, currency: intent.currency };
}
