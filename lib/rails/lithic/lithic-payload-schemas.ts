import { z } from "zod";

/**
 * The fields of Lithic's payloads that the adapter reads, checked at run time before the body is
 * treated as the `lithic` package's types (CardAuthorization, Transaction). A signed body that
 * lacks them is a Lithic change we do not understand: it is refused, never guessed at.
 * Only what we read is listed; every other field passes through untouched.
 */
const Minor = z.number().int();
const Currency = z.string().regex(/^[A-Za-z]{3}$/);
const Money = z.looseObject({ amount: Minor, currency: Currency });

const MerchantSchema = z.looseObject({
  descriptor: z.string(),
  mcc: z.string().nullish(),
  country: z.string().nullish(),
  acceptor_id: z.string().nullish(),
});

/** An ASA request (`card_authorization.approval_request`, or the same body without `event_type`). */
export const LithicAuthorizationSchema = z.looseObject({
  token: z.string().min(1),
  status: z.string(),
  created: z.string(),
  card: z.looseObject({ token: z.string().min(1) }),
  amounts: z.looseObject({ cardholder: Money, hold: Money.nullish() }),
  merchant: MerchantSchema,
});

/** A `card_transaction.updated` event: the transaction with its lifecycle events. */
export const LithicTransactionSchema = z.looseObject({
  token: z.string().min(1),
  card_token: z.string().min(1),
  status: z.string(),
  amounts: z.looseObject({ hold: Money }),
  events: z
    .array(
      z.looseObject({
        token: z.string().min(1),
        type: z.string(),
        result: z.string(),
        created: z.string(),
        amounts: z.looseObject({ cardholder: Money }),
      }),
    )
    .min(1),
});
