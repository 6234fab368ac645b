import type { IgnoredEvent } from "../rail-adapter";

/**
 * The body an ASA responder answers with (Lithic's `asa-response` schema,
 * https://docs.lithic.com/docs/auth-stream-access-asa): the request's transaction token and a
 * result. `APPROVED` approves; any listed reason declines. The `lithic` package types the
 * request but not this answer, so it is written out here.
 */
export type AsaAnswer = {
  token: string;
  result: "APPROVED" | "UNAUTHORIZED_MERCHANT";
};

/**
 * Our decline reason. Lithic's list has nothing for "no approved spend intent covers this";
 * UNAUTHORIZED_MERCHANT ("this card may not pay here") is the nearest, and unlike
 * INSUFFICIENT_FUNDS it does not tell the merchant to retry a smaller amount.
 */
export const ASA_DECLINE: AsaAnswer["result"] = "UNAUTHORIZED_MERCHANT";

/** An ASA request that is not ours to gate: acknowledged, but still answered in ASA's format. */
export type LithicAnsweredEvent = IgnoredEvent & { asaAnswer: AsaAnswer };

export const hasAsaAnswer = (event: object): event is LithicAnsweredEvent => "asaAnswer" in event;
