import { z } from "zod";
import { RAIL_PROVIDERS } from "./rail-adapter";

/** Inputs and answers of the rails and cards API; the OpenAPI document is built from these. */
const ProviderSchema = z.enum(RAIL_PROVIDERS).describe("The card rail: stripe (Stripe Issuing) or lithic (Lithic ASA)");

export const ConnectRailSchema = z.strictObject({
  provider: ProviderSchema,
  webhook_secret: z
    .string()
    .trim()
    .min(8)
    .max(1024)
    .describe(
      "The rail's signing secret (Stripe: whsec_…); several comma-separated when the rail signs with more than one (Stripe's real-time authorization webhook and its event endpoint). Stored sealed, never shown again",
    ),
});
export type ConnectRailInput = z.input<typeof ConnectRailSchema>;

export const AttachCardSchema = z.strictObject({
  provider: ProviderSchema,
  card: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{3,128}$/, "a rail card id such as ic_…")
    .describe("The rail's card id (Stripe ic_…, Lithic card token)"),
  last4: z
    .string()
    .regex(/^\d{4}$/)
    .optional()
    .describe("The card number's last four digits, for people to recognise it"),
});
export type AttachCardInput = z.input<typeof AttachCardSchema>;

export const RailConnectionSchema = z.object({
  id: z.string(),
  object: z.literal("rail_connection"),
  provider: ProviderSchema,
  webhook_url: z.string().describe("The URL to paste into the rail's dashboard"),
  status: z.enum(["active", "disconnected"]),
  created_at: z.string(),
  created_by: z.string(),
  last_event_at: z.string().nullable(),
});
export type RailConnectionDto = z.infer<typeof RailConnectionSchema>;

export const CardSchema = z.object({
  id: z.string(),
  object: z.literal("card"),
  agent_id: z.string(),
  provider: ProviderSchema,
  rail_card_id: z.string(),
  last4: z.string().nullable(),
  attached_at: z.string(),
  attached_by: z.string(),
  detached_at: z.string().nullable(),
});
export type CardDto = z.infer<typeof CardSchema>;

/** The org settings card authorizations follow. */
export const CardSettingsSchema = z.strictObject({
  tolerance_bps: z.number().int().min(0).max(10_000).optional().describe("How far an authorization may exceed the intent's remaining amount, in basis points"),
  validity_minutes: z.number().int().min(1).max(525_600).optional().describe("How long after its approval an intent covers card authorizations"),
});
export type CardSettingsInput = z.input<typeof CardSettingsSchema>;

export const CardSettingsDtoSchema = z.object({
  object: z.literal("card_settings"),
  tolerance_bps: z.number().int().describe("How far an authorization may exceed the intent's remaining amount, in basis points (100 = 1 %)"),
  validity_minutes: z.number().int().describe("How long after its approval an intent covers card authorizations, in minutes"),
});
export type CardSettingsDto = z.infer<typeof CardSettingsDtoSchema>;

/** What the rail did for one intent: its card authorizations and the captures and refunds that settled it, oldest first. */
export const RailActivitySchema = z.object({
  object: z.literal("rail_activity"),
  intent_id: z.string(),
  authorizations: z.array(
    z.object({
      authorization_id: z.string().describe("The rail's authorization id (Stripe iauth_…)"),
      amount: z.number().int().describe("Minor units"),
      currency: z.string(),
      approved: z.boolean(),
      status: z.enum(["pending", "closed", "reversed"]),
      decided_at: z.string(),
      reason: z.string(),
    }),
  ),
  transactions: z.array(
    z.object({
      transaction_id: z.string().describe("The rail's transaction id (Stripe ipi_…)"),
      type: z.enum(["capture", "refund"]),
      amount: z.number().int().describe("Minor units"),
      currency: z.string(),
      occurred_at: z.string(),
    }),
  ),
});
export type RailActivityDto = z.infer<typeof RailActivitySchema>;

export const RailConnectionListSchema = z.object({
  object: z.literal("list"),
  data: z.array(RailConnectionSchema),
  has_more: z.boolean(),
  next_cursor: z.string().nullable(),
});
export const CardListSchema = z.object({ object: z.literal("list"), data: z.array(CardSchema), has_more: z.boolean(), next_cursor: z.string().nullable() });
