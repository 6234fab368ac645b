import { sql } from "kysely";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors/app-error";
import { notifyUsers } from "@/lib/notifications/notify-users";
import { enqueueEvent } from "@/lib/webhooks/enqueue-event";
import type { Db } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { sqlTransaction, type SqlTx } from "@/lib/db/sql";
import { applyCounterDelta } from "@/lib/counters/apply-counter-delta";
import { ZERO_DELTA } from "@/lib/counters/counter-delta";
import { settleApprovedIntent } from "@/lib/intents/settle-approved-intent";
import { postLedgerEntry } from "@/lib/ledger/post-ledger-entry";
import { formatMinorUnits } from "@/lib/policies/engine";
import { findWalletId } from "@/lib/wallets/find-wallet-id";
import type { AuthorizationUpdate, RailTransaction } from "./rail-adapter";
import { claimRailEvent, type RailConnectionRef } from "./record-card-answer";

type Auth = { id: string; intent_id: string | null; approved: boolean; consumed: number; extra_debited: number; status: string };
type Intent = {
  id: string;
  amount: number;
  recurring: boolean;
  settlement: string | null;
  status: string;
  card_captured: number;
  refunded_amount: number;
  agent_id: string;
  currency: string;
};

/**
 * Settlement comes from the rail: what the card actually paid moves the intent's capture, void
 * and refund and the ledger, through the same settleApprovedIntent a person's capture uses (as
 * "system": the rest returns to the wallet and to the budgets). One transaction per delivery,
 * claimed by (connection, event id), so a redelivery on any instance moves nothing twice; a
 * transaction is also unique by its rail id.
 *
 * - capture: a one-payment intent is settled at its first capture (captured = the amount, at
 *   most the approval; the rest returns). A recurring intent adds the capture to card_captured and
 *   closes out (captured) once its captures reach the approved amount; until then a person may
 *   capture or void what is left, which ends it.
 * - authorization closed, expired or reversed: what it took from its intent and was not captured
 *   is released: a one-payment intent with no capture is voided (all of it returns); a recurring
 *   intent's remaining amount grows back. What was debited over the intent within tolerance and
 *   not captured returns as a reversal.
 * - refund: up to what was captured, back to the wallet (a `refund` ledger line), on the intent's
 *   refunded_amount.
 * Events about authorizations we never answered (no row) are recorded and acknowledged.
 */
export async function settleFromRail(
  db: Db,
  c: RailConnectionRef,
  e: AuthorizationUpdate | RailTransaction,
  now = new Date(),
): Promise<{ duplicate: boolean }> {
  return sqlTransaction(db, async (tx) => {
    if (!(await claimRailEvent(tx, c, e.eventId, e.kind, now))) return { duplicate: true };
    if (e.kind === "authorization_updated") await authorizationUpdated(tx, c, e, now);
    else await transactionCreated(tx, c, e, now);
    return { duplicate: false };
  });
}

async function findAuth(tx: SqlTx, c: RailConnectionRef, authorizationId: string | null): Promise<Auth | undefined> {
  if (!authorizationId) return undefined;
  return tx
    .selectFrom("rail_authorizations")
    .select(["id", "intent_id", "approved", "consumed", "extra_debited", "status"])
    .where("connection_id", "=", c.id)
    .where("authorization_id", "=", authorizationId)
    .forUpdate()
    .executeTakeFirst();
}

/** The intent, after its agent's lock (the order every money change of one agent takes). */
async function lockIntent(tx: SqlTx, orgId: string, intentId: string): Promise<Intent> {
  const head = await tx.selectFrom("intents").select("agent_id").where("id", "=", intentId).where("org_id", "=", orgId).executeTakeFirstOrThrow();
  await tx.selectFrom("agents").select("id").where("id", "=", head.agent_id).forUpdate().execute();
  return tx
    .selectFrom("intents")
    .select(["id", "amount", "recurring", "settlement", "status", "card_captured", "refunded_amount", "agent_id", "currency"])
    .where("id", "=", intentId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/** Captured so far on one authorization (its transactions). */
async function capturedOn(tx: SqlTx, c: RailConnectionRef, authorizationId: string): Promise<number> {
  const r = await tx
    .selectFrom("rail_transactions")
    .select(sql<number>`COALESCE(SUM(amount), 0)::bigint`.as("n"))
    .where("connection_id", "=", c.id)
    .where("authorization_id", "=", authorizationId)
    .where("type", "=", "capture")
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

async function authorizationUpdated(tx: SqlTx, c: RailConnectionRef, e: AuthorizationUpdate, now: Date) {
  const auth = await findAuth(tx, c, e.authorizationId);
  if (!auth || e.status === "pending" || auth.status !== "pending") return;
  await tx.updateTable("rail_authorizations").set({ status: e.status, updated_at: now }).where("id", "=", auth.id).execute();
  if (!auth.approved || !auth.intent_id) return;
  const intent = await lockIntent(tx, c.orgId, auth.intent_id);
  const captured = await capturedOn(tx, c, e.authorizationId);
  const unpaid = Math.max(0, auth.consumed - captured);
  if (intent.recurring) {
    if (unpaid > 0 && intent.settlement === null) {
      await tx
        .updateTable("intents")
        .set({ card_authorized: sql`GREATEST(card_authorized - ${unpaid}::bigint, 0)` })
        .where("id", "=", intent.id)
        .execute();
    }
  } else if (intent.status === "approved" && intent.settlement === null && captured === 0) {
    await settleApprovedIntent(tx, intent.id, { kind: "void", reason: `The card authorization was ${e.status} without a capture` }, "system", { at: now });
  }
  await returnExtra(tx, c, auth, intent, Math.max(0, captured - auth.consumed), `Card authorization ${e.status}`);
}

/** The part debited over the intent within tolerance that the card did not pay comes back. */
async function returnExtra(tx: SqlTx, c: RailConnectionRef, auth: Auth, intent: Intent, extraPaid: number, why: string) {
  const back = auth.extra_debited - Math.min(extraPaid, auth.extra_debited);
  if (back <= 0) return;
  await tx
    .updateTable("rail_authorizations")
    .set({ extra_debited: auth.extra_debited - back })
    .where("id", "=", auth.id)
    .execute();
  const walletId = await findWalletId(tx, intent.agent_id, intent.currency);
  const memo = `${why}: ${formatMinorUnits(back, intent.currency)} over its intent was not paid, returned`;
  await postLedgerEntry(tx, { orgId: c.orgId, walletId, intentId: intent.id, kind: "reversal", amount: back, memo, actor: "rail" });
  await applyCounterDelta(tx, intent.id, { ...ZERO_DELTA, spent: -back });
}

async function transactionCreated(tx: SqlTx, c: RailConnectionRef, e: RailTransaction, now: Date) {
  const auth = await findAuth(tx, c, e.authorizationId);
  const intentId = auth?.approved ? auth.intent_id : null;
  const inserted = await tx
    .insertInto("rail_transactions")
    .values({
      id: newId("rtxn"),
      org_id: c.orgId,
      connection_id: c.id,
      transaction_id: e.transactionId,
      authorization_id: e.authorizationId,
      intent_id: intentId,
      type: e.type,
      amount: e.amountMinor,
      currency: e.currency,
      occurred_at: e.occurredAt,
      received_at: now,
    })
    .onConflict((oc) => oc.columns(["connection_id", "transaction_id"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!inserted || !intentId || !auth) return;
  const intent = await lockIntent(tx, c.orgId, intentId);
  const data = {
    connection_id: c.id,
    transaction_id: e.transactionId,
    authorization_id: e.authorizationId,
    type: e.type,
    amount: e.amountMinor,
    currency: e.currency,
  };
  await recordAuditEvent(tx, { orgId: c.orgId, actor: "system", action: "rail.transaction_recorded", targetId: intent.id, at: now, data });
  if (e.type === "refund") return refund(tx, c, intent, e, now);

  const capturedTotal = intent.card_captured + e.amountMinor;
  await tx.updateTable("intents").set({ card_captured: capturedTotal }).where("id", "=", intent.id).execute();
  if (intent.status !== "approved") return;
  if (intent.settlement !== null) return captureAfterSettlement(tx, c, intent, e, now);
  if (!intent.recurring) {
    const paid = Math.min(e.amountMinor, intent.amount);
    await settleApprovedIntent(tx, intent.id, { kind: "capture", amount: paid, memo: `card capture ${e.transactionId}` }, "system", { at: now });
    await returnExtra(tx, c, auth, intent, Math.max(0, e.amountMinor - auth.consumed), "Card captured");
  } else if (capturedTotal >= intent.amount) {
    // Close-out: a recurring intent whose captures reached its approval is done.
    await settleApprovedIntent(tx, intent.id, { kind: "capture", amount: intent.amount, memo: "recurring card captures reached the approval" }, "system", {
      at: now,
    });
  }
}

/**
 * The card paid for an intent that was already settled (a second capture of a one-payment intent,
 * a capture after its authorization was released and the intent voided, or after a recurring
 * intent closed out). The money has left the card account, so the ledger follows the card
 * statement: the wallet is debited for it (a `debit` line; if the wallet cannot cover it, the
 * guarded update refuses, nothing is debited and `debited: false` says so), and admins hear of it (an audit event, the `intent.captured_after_settlement` webhook, a
 * notification), because no approval covered it. The budgets count it too (kept on the intent as
 * `captured_after_settlement`, which the counters' recomputation adds): the card spent it, whether
 * or not the wallet could follow.
 */
async function captureAfterSettlement(tx: SqlTx, c: RailConnectionRef, intent: Intent, e: RailTransaction, now: Date) {
  const walletId = await findWalletId(tx, intent.agent_id, intent.currency);
  const paid = formatMinorUnits(e.amountMinor, intent.currency);
  let debited = true;
  try {
    const memo = `Card capture ${e.transactionId} after the intent was settled (${intent.settlement}): ${paid}, as the card paid it`;
    await postLedgerEntry(tx, { orgId: c.orgId, walletId, intentId: intent.id, kind: "debit", amount: e.amountMinor, memo, actor: "rail" });
  } catch (err) {
    // The wallet cannot cover it: the card has paid regardless; record and tell, never fail the delivery.
    if (!(err instanceof AppError)) throw err;
    debited = false;
  }
  await tx
    .updateTable("intents")
    .set((eb) => ({ captured_after_settlement: eb("captured_after_settlement", "+", e.amountMinor) }))
    .where("id", "=", intent.id)
    .execute();
  await applyCounterDelta(tx, intent.id, { ...ZERO_DELTA, spent: e.amountMinor });
  const data = { transaction_id: e.transactionId, amount: e.amountMinor, currency: intent.currency, settlement: intent.settlement!, debited };
  await recordAuditEvent(tx, { orgId: c.orgId, actor: "system", action: "intent.captured_after_settlement", targetId: intent.id, at: now, data });
  await enqueueEvent(tx, {
    orgId: c.orgId,
    type: "intent.captured_after_settlement",
    at: now,
    data: { intent_id: intent.id, agent_id: intent.agent_id, ...data },
  });
  await notifyUsers(tx, {
    orgId: c.orgId,
    kind: "card_capture_after_settlement",
    subjectId: e.transactionId,
    title: `Card captured ${paid} after its intent was settled`,
    body: debited
      ? `The card paid ${paid} more for an intent already ${intent.settlement}; the agent's wallet was debited to match the card statement.`
      : `The card paid ${paid} more for an intent already ${intent.settlement}, and the agent's wallet could not cover it: the ledger does not show this payment.`,
    path: `/intents/${intent.id}`,
    audience: "admin",
    at: now,
  });
}

async function refund(tx: SqlTx, c: RailConnectionRef, intent: Intent, e: RailTransaction, now: Date) {
  const amount = Math.min(e.amountMinor, intent.card_captured - intent.refunded_amount);
  if (amount <= 0) return;
  const refunded = intent.refunded_amount + amount;
  await tx.updateTable("intents").set({ refunded_amount: refunded }).where("id", "=", intent.id).execute();
  const walletId = await findWalletId(tx, intent.agent_id, intent.currency);
  const memo = `Refunded by the merchant: ${formatMinorUnits(amount, intent.currency)} (card transaction ${e.transactionId})`;
  await postLedgerEntry(tx, { orgId: c.orgId, walletId, intentId: intent.id, kind: "refund", amount, memo, actor: "rail" });
  // The merchant gave the money back (a signed rail fact, never the agent's word): it leaves the budgets too.
  await applyCounterDelta(tx, intent.id, { ...ZERO_DELTA, spent: -amount });
  const data = { amount, refunded_amount: refunded, currency: intent.currency, transaction_id: e.transactionId };
  await recordAuditEvent(tx, { orgId: c.orgId, actor: "system", action: "intent.refunded", targetId: intent.id, at: now, data });
}
