/**
 * One interface for card rails (issue 19): a rail asks us in real time whether to approve a card
 * authorization, and later tells us what settled. An adapter verifies the rail's signature with
 * the rail's own package, turns its payload into one of these facts in our terms, and answers in
 * the rail's own format. Everything after parse() is rail-agnostic (lib/rails/handle-rail-event.ts).
 * The shape is shared with the Lithic adapter (lib/rails/lithic): fields may be added, never renamed.
 */
export type RailProvider = "stripe" | "lithic";
export const RAIL_PROVIDERS = ["stripe", "lithic"] as const satisfies readonly RailProvider[];

export type RailMerchant = { name: string; category: string | null; mcc: string | null; country: string | null; networkId: string | null };

/** A card authorization the rail asks us to approve or decline, in our terms. */
export type AuthorizationRequest = {
  kind: "authorization_request";
  eventId: string; // the delivery's id: same event delivered twice → same eventId
  authorizationId: string; // the rail's authorization id (Stripe iauth_…, Lithic transaction token)
  cardId: string; // the rail's card id (Stripe ic_…, Lithic card token)
  amountMinor: number; // positive integer in the currency's minor units
  currency: string; // ISO 4217, upper case
  merchant: RailMerchant;
  occurredAt: Date;
};

/** A later fact about an authorization (closed, reversed, partly captured) or a transaction (capture, refund). */
export type AuthorizationUpdate = {
  kind: "authorization_updated";
  eventId: string;
  authorizationId: string;
  cardId: string;
  status: "pending" | "closed" | "reversed";
  amountMinor: number;
  currency: string;
  occurredAt: Date;
};
export type RailTransaction = {
  kind: "transaction";
  eventId: string;
  transactionId: string;
  authorizationId: string | null;
  cardId: string;
  type: "capture" | "refund";
  amountMinor: number;
  currency: string;
  occurredAt: Date;
};
export type IgnoredEvent = { kind: "ignored"; eventId: string; type: string };
export type RailEvent = AuthorizationRequest | AuthorizationUpdate | RailTransaction | IgnoredEvent;

/** Missing, wrong or stale signature → 400, nothing decided. */
export class RailSignatureError extends Error {
  override name = "RailSignatureError";
}

export interface RailAdapter {
  provider: RailProvider;
  /** Verifies the rail's signature with the rail's own package and turns the body into a RailEvent. Throws RailSignatureError. */
  parse(rawBody: string, headers: Headers, secret: string): RailEvent;
  /** The HTTP answer in the rail's own format, for an authorization request. */
  answerAuthorization(request: AuthorizationRequest, approved: boolean): Response;
  /** The HTTP answer to any other event (acknowledge). */
  acknowledge(event: RailEvent): Response;
}
