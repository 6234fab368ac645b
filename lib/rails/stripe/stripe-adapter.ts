import Stripe from "stripe";
import { RailSignatureError, type AuthorizationRequest, type RailAdapter, type RailEvent, type RailMerchant } from "../rail-adapter";

/**
 * Stripe Issuing. Every delivery is verified with the official package
 * (`Stripe.webhooks.constructEvent`, its default 300 s tolerance, so a replayed old delivery is
 * refused) before anything is read from it. An `issuing_authorization.request` is answered
 * synchronously with `200 {"approved": bool}` and a `Stripe-Version` header (Stripe's real-time
 * authorization contract, 2 s deadline); everything else is acknowledged with a 200.
 * Amounts: Stripe's are already in the currency's smallest unit; currencies arrive lower case.
 */
export const stripeAdapter: RailAdapter = {
  provider: "stripe",
  parse: parseStripeEvent,
  answerAuthorization: (_request, approved) => stripeJson({ approved }),
  acknowledge: () => stripeJson({ received: true }),
};

function stripeJson(body: unknown): Response {
  return Response.json(body, { status: 200, headers: { "Stripe-Version": Stripe.API_VERSION } });
}

export function parseStripeEvent(rawBody: string, headers: Headers, secret: string): RailEvent {
  const signature = headers.get("stripe-signature");
  if (!signature) throw new RailSignatureError("Missing Stripe-Signature header");
  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(rawBody, signature, secret);
  } catch (e) {
    throw new RailSignatureError(`Stripe signature refused: ${(e as Error).message}`);
  }
  const occurredAt = new Date(event.created * 1000);
  switch (event.type) {
    case "issuing_authorization.request":
      return authorizationRequest(event.id, event.data.object, occurredAt);
    case "issuing_authorization.created":
    case "issuing_authorization.updated": {
      const a = event.data.object;
      return {
        kind: "authorization_updated",
        eventId: event.id,
        authorizationId: a.id,
        cardId: a.card.id,
        status: authorizationStatus(a.status),
        amountMinor: a.amount,
        currency: a.currency.toUpperCase(),
        occurredAt,
      };
    }
    case "issuing_transaction.created": {
      const t = event.data.object;
      const type = t.type === "capture" ? "capture" : t.type === "refund" ? "refund" : null;
      if (!type) return { kind: "ignored", eventId: event.id, type: `${event.type}:${t.type}` };
      return {
        kind: "transaction",
        eventId: event.id,
        transactionId: t.id,
        authorizationId: idOf(t.authorization),
        cardId: idOf(t.card)!,
        type,
        // Stripe signs transactions from the balance's side: a capture is negative, a refund positive.
        amountMinor: Math.abs(t.amount),
        currency: t.currency.toUpperCase(),
        occurredAt,
      };
    }
    default:
      return { kind: "ignored", eventId: event.id, type: event.type };
  }
}

function authorizationRequest(eventId: string, a: Stripe.Issuing.Authorization, occurredAt: Date): AuthorizationRequest {
  // While the request is open, `amount` is 0 and the requested amount is pending_request.amount.
  const amount = a.pending_request?.amount ?? a.amount;
  const currency = (a.pending_request?.currency ?? a.currency).toUpperCase();
  const m = a.merchant_data;
  const merchant: RailMerchant = {
    name: m.name ?? "Unknown merchant",
    category: m.category ?? null,
    mcc: m.category_code ?? null,
    country: m.country ?? null,
    networkId: m.network_id ?? null,
  };
  return { kind: "authorization_request", eventId, authorizationId: a.id, cardId: a.card.id, amountMinor: amount, currency, merchant, occurredAt };
}

/** Stripe's `expired` is an authorization that closed without being captured. */
function authorizationStatus(s: Stripe.Issuing.Authorization.Status): "pending" | "closed" | "reversed" {
  if (s === "reversed") return "reversed";
  if (s === "pending") return "pending";
  return "closed";
}

const idOf = (x: string | { id: string } | null): string | null => (x === null ? null : typeof x === "string" ? x : x.id);
