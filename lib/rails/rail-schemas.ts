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
    .max(512)
    .describe("The rail's signing secret (Stripe: the endpoint's whsec_… secret); stored sealed, never shown again"),
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
