import type Lithic from "lithic";
import type { AuthorizationRequest, RailMerchant } from "../rail-adapter";
import type { LithicAnsweredEvent } from "./lithic-asa-answer";

/** ASA request kinds that ask to take money from the card: these are ours to decide. */
const SPENDING = new Set<Lithic.CardAuthorization["status"]>(["AUTHORIZATION", "FINANCIAL_AUTHORIZATION"]);

/**
 * Turns an Auth Stream Access request into an authorization fact in our terms.
 * `deliveryId` is the request's `webhook-id` header: Lithic keeps it across retries of one request.
 *
 * Balance inquiries, credit authorizations (money coming back to the card) and zero-amount card
 * checks move no money out, so they are not ours to gate: they come back as an ignored event that
 * still carries the ASA answer (approve), because Lithic declines a request answered in any other shape.
 */
export function mapLithicAuthorization(asa: Lithic.CardAuthorization, deliveryId: string): AuthorizationRequest | LithicAnsweredEvent {
  const { cardholder, hold } = asa.amounts;
  // A hold larger than the request (fuel pumps, tips) is what the card may really be charged:
  // the intent has to cover that, not only the first figure.
  const amountMinor = Math.max(cardholder.amount, hold && sameCurrency(hold.currency, cardholder.currency) ? hold.amount : 0);
  if (!SPENDING.has(asa.status) || amountMinor <= 0) {
    return {
      kind: "ignored",
      eventId: deliveryId,
      type: `card_authorization.approval_request:${asa.status}`,
      asaAnswer: { token: asa.token, result: "APPROVED" },
    };
  }
  return {
    kind: "authorization_request",
    eventId: deliveryId,
    authorizationId: asa.token,
    cardId: asa.card.token,
    amountMinor,
    currency: cardholder.currency.toUpperCase(),
    merchant: lithicMerchant(asa.merchant),
    occurredAt: new Date(asa.created),
  };
}

/** Lithic sends the acceptor's descriptor and MCC; it has no merchant category name of its own. */
export function lithicMerchant(merchant: Lithic.CardAuthorization["merchant"]): RailMerchant {
  return {
    name: merchant.descriptor.trim(),
    category: null,
    mcc: merchant.mcc || null,
    country: merchant.country || null,
    networkId: merchant.acceptor_id || null,
  };
}

const sameCurrency = (a: string, b: string) => a.toUpperCase() === b.toUpperCase();
