import type Lithic from "lithic";
import type { AuthorizationUpdate, RailEvent, RailTransaction } from "../rail-adapter";

type LithicEvent = NonNullable<Lithic.Transaction["events"]>[number];

/** Lifecycle events that settle money out of the card (capture) or back onto it (refund). */
const SETTLES: Partial<Record<LithicEvent["type"], RailTransaction["type"]>> = {
  CLEARING: "capture",
  FINANCIAL_AUTHORIZATION: "capture", // single-message: authorized and settled at once
  RETURN: "refund",
  FINANCIAL_CREDIT_AUTHORIZATION: "refund",
};
/** Lifecycle events that change what is still authorized (held) on the card. */
const CHANGES_HOLD = new Set<LithicEvent["type"]>(["AUTHORIZATION", "AUTHORIZATION_ADVICE", "AUTHORIZATION_REVERSAL", "AUTHORIZATION_EXPIRY"]);
/** Transaction states in which nothing is held any more and nothing was settled. */
const RELEASED = new Set<Lithic.Transaction["status"]>(["VOIDED", "EXPIRED", "DECLINED"]);

/**
 * Turns a `card_transaction.updated` event into one fact. The body is the whole transaction with
 * every lifecycle event so far; the newest event is the one this delivery reports. Its token is the
 * fact's id, so the same event delivered twice (a retry, a replay) is the same fact.
 * Lithic's authorization id is the transaction token: the ASA request carried the same one.
 */
export function mapLithicTransaction(tx: Lithic.Transaction): RailEvent {
  const event = newest(tx.events ?? []);
  if (!event) return { kind: "ignored", eventId: tx.token, type: "card_transaction.updated" };
  const approved = event.result === "APPROVED";
  const settles = SETTLES[event.type];
  if (settles && approved) {
    return {
      kind: "transaction",
      eventId: event.token,
      transactionId: event.token,
      authorizationId: tx.token,
      cardId: tx.card_token,
      type: settles,
      amountMinor: Math.abs(event.amounts.cardholder.amount),
      currency: event.amounts.cardholder.currency.toUpperCase(),
      occurredAt: new Date(event.created),
    };
  }
  if (CHANGES_HOLD.has(event.type)) return holdUpdate(tx, event);
  return { kind: "ignored", eventId: event.token, type: `card_transaction.updated:${event.type}` };
}

/**
 * What is still held after the event: all of it released (voided, expired, or declined by Lithic
 * after our approval) is `reversed`; otherwise the authorization is `pending` at the new hold
 * (an advice that changed the amount, a partial reversal).
 */
function holdUpdate(tx: Lithic.Transaction, event: LithicEvent): AuthorizationUpdate {
  const released = RELEASED.has(tx.status) || event.result !== "APPROVED";
  return {
    kind: "authorization_updated",
    eventId: event.token,
    authorizationId: tx.token,
    cardId: tx.card_token,
    status: released ? "reversed" : "pending",
    amountMinor: released ? 0 : Math.abs(tx.amounts.hold.amount),
    currency: (released ? event.amounts.cardholder.currency : tx.amounts.hold.currency).toUpperCase(),
    occurredAt: new Date(event.created),
  };
}

/** Lithic lists events oldest first; sorting by time keeps that true even if a body does not. */
function newest(events: LithicEvent[]): LithicEvent | undefined {
  return events.reduce<LithicEvent | undefined>((latest, e) => (!latest || Date.parse(e.created) >= Date.parse(latest.created) ? e : latest), undefined);
}
