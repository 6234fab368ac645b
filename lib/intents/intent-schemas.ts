import { z } from "zod";
import { inTimestampRange } from "@/lib/db/timestamp-range";

const METADATA_MAX_BYTES = 8 * 1024;
const METADATA_MAX_KEYS = 50;

const metadataValue = z.union([
  z.string().max(1000),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.union([z.string().max(1000), z.number(), z.boolean()])).max(50),
]);

export const MetadataSchema = z
  .record(z.string().min(1).max(64), metadataValue)
  .refine((m) => Object.keys(m).length <= METADATA_MAX_KEYS, `metadata may have at most ${METADATA_MAX_KEYS} keys`)
  .refine((m) => Buffer.byteLength(JSON.stringify(m)) <= METADATA_MAX_BYTES, `metadata may be at most ${METADATA_MAX_BYTES} bytes of JSON`)
  .describe("Flat JSON object: string keys, primitive values or arrays of primitives; at most 50 keys and 8 KiB.");

/**
 * A name the policy's lists match (merchant, category): no invisible format or control
 * characters anywhere, so "Evil\u200bCorp", which a reviewer reads as "EvilCorp", cannot slip
 * past a blocklist entry for it.
 */
const listedName = (max: number, field: string) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !/[\p{Cc}\p{Cf}]/u.test(s), `${field} must not contain invisible or control characters`)
    .nullish();

export const SubmitIntentSchema = z
  .object({
    agent_id: z.uuid({ message: "agent_id must be a UUID" }).optional().describe("Required for user keys; agent keys may omit it."),
    amount: z
      .number({ message: "amount must be a positive integer" })
      .int("amount must be a positive integer in minor units (e.g. paise)")
      .positive("amount must be a positive integer")
      .max(Number.MAX_SAFE_INTEGER),
    currency: z
      .string({ message: "currency must be a 3-letter ISO 4217 code" })
      .regex(/^[A-Za-z]{3}$/, "currency must be a 3-letter ISO 4217 code")
      .transform((c) => c.toUpperCase()),
    reason: z.string({ message: "reason is required" }).trim().min(1, "reason must not be empty").max(2000),
    confidence: z.number().min(0, "confidence must be between 0 and 1").max(1, "confidence must be between 0 and 1").nullish(),
    merchant: listedName(200, "merchant"),
    merchant_category: listedName(100, "merchant_category").transform((c) => c?.toLowerCase() ?? c),
    metadata: MetadataSchema.optional(),
    recurring: z
      .boolean()
      .optional()
      .describe("A card rail may pay it several times (a subscription): each card authorization consumes from what remains. Default false: one payment."),
  })
  .strict();
export type SubmitIntentInput = z.output<typeof SubmitIntentSchema>;

export const INTENT_STATUSES = ["pending", "approved", "denied", "pending_approval", "expired"] as const;
export const SETTLEMENT_STATES = ["uncaptured", "captured", "voided"] as const;
export const TERMINAL_STATUSES = ["approved", "denied", "expired"] as const;

const isoDate = z.iso
  .datetime({ offset: true, message: "must be an ISO 8601 date-time" })
  .or(z.iso.date({ message: "must be an ISO 8601 date" }))
  .refine((s) => inTimestampRange(new Date(s)), "must be a date between the years 0001 and 9999");

export const ListIntentsQuerySchema = z
  .object({
    status: z
      .string()
      .transform((s) =>
        s
          .split(",")
          .map((x) => x.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.enum(INTENT_STATUSES, { message: `status must be one of ${INTENT_STATUSES.join(", ")}` })))
      .optional(),
    agent_id: z.uuid({ message: "agent_id must be a UUID" }).optional(),
    created_after: isoDate.optional(),
    created_before: isoDate.optional(),
    merchant_category: z
      .string()
      .trim()
      .min(1)
      .transform((c) => c.toLowerCase())
      .optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().min(1).optional(),
  })
  .strict();
export type ListIntentsQuery = z.output<typeof ListIntentsQuerySchema>;

export const GetIntentQuerySchema = z
  .object({ wait: z.coerce.number({ message: "wait must be a number of seconds" }).min(0).max(30, "wait may be at most 30 seconds").optional() })
  .strict();

export const TraceStepSchema = z.object({ rule: z.string(), result: z.string(), detail: z.string() });
const BudgetWindowSchema = z.object({
  limit: z.number().nullable(),
  spent: z.number(),
  remaining: z.number().nullable(),
  resets_at: z.string(),
  /** The organisation's IANA time zone, whose calendar day or month the window is. */
  time_zone: z.string(),
});

export const PolicyDecisionSchema = z.object({
  outcome: z.enum(["approve", "deny", "require_approval"]),
  rule: z.string(),
  reason: z.string(),
  trace: z.array(TraceStepSchema),
  budgets: z.object({ daily: BudgetWindowSchema, monthly: BudgetWindowSchema }),
  risk_level: z.string(),
  policy_version: z.number(),
  decided_at: z.string(),
});

export const IntentSchema = z.object({
  id: z.string(),
  object: z.literal("intent"),
  agent_id: z.string(),
  amount: z.number().int(),
  currency: z.string(),
  reason: z.string(),
  confidence: z.number().nullable(),
  merchant: z.string().nullable(),
  merchant_category: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  status: z.enum(INTENT_STATUSES),
  policy_decision: PolicyDecisionSchema.nullable(),
  approval: z.object({ id: z.string(), status: z.string(), expires_at: z.string() }).nullable(),
  created_at: z.string(),
  decided_at: z.string().nullable(),
  captured_amount: z.number().int().nullable().describe("What the agent reported it paid (capture); 0 after a void; null until settled."),
  settlement: z
    .enum(SETTLEMENT_STATES)
    .nullable()
    .describe("null unless approved; uncaptured until the agent captures or voids (or the policy's auto-settlement does)."),
  settled_at: z.string().nullable(),
  source: z.enum(["api", "mcp", "card"]).describe("How it arrived: submitted (api, mcp) or made by a card authorization no intent covered (card)."),
  recurring: z.boolean().describe("Whether it covers several card authorizations, each consuming from what remains."),
  refunded_amount: z.number().int().describe("What merchants refunded of its card captures (minor units)."),
});
export type IntentDto = z.infer<typeof IntentSchema>;

export const IntentListSchema = z.object({
  object: z.literal("list"),
  data: z.array(IntentSchema),
  has_more: z.boolean(),
  next_cursor: z.string().nullable(),
});

export const CaptureIntentSchema = z
  .object({
    amount: z
      .number({ message: "amount must be a positive integer" })
      .int("amount must be a whole number of minor units (e.g. paise)")
      .positive("amount must be positive; use void when nothing was paid")
      .max(Number.MAX_SAFE_INTEGER)
      .describe("What was actually paid, in minor units; at most the approved amount. The rest returns to the wallet."),
    memo: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .optional()
      .describe("A note for the books (invoice number, what was bought); kept with the capture and in the intents CSV."),
  })
  .strict();
export type CaptureIntentInput = z.output<typeof CaptureIntentSchema>;

export const VoidIntentSchema = z
  .object({ reason: z.string().trim().min(1).max(500).optional().describe("Why nothing was paid (kept in the audit log).") })
  .strict();
export type VoidIntentInput = z.output<typeof VoidIntentSchema>;
