import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "./webhook-event-types";

/** Inputs and answers of the webhook endpoint API; the OpenAPI document is built from these. */
const EventsSchema = z
  .array(z.enum(WEBHOOK_EVENT_TYPES))
  .min(1)
  .max(WEBHOOK_EVENT_TYPES.length)
  .transform((events) => [...new Set(events)])
  .describe("Event types this endpoint receives");
const UrlSchema = z.string().trim().min(1).max(2048).describe("http(s) URL the events are POSTed to");

export const CreateWebhookEndpointSchema = z.strictObject({
  url: UrlSchema,
  events: EventsSchema,
  description: z.string().trim().max(200).optional(),
});
export type CreateWebhookEndpointInput = z.input<typeof CreateWebhookEndpointSchema>;

export const UpdateWebhookEndpointSchema = z
  .strictObject({
    url: UrlSchema.optional(),
    events: EventsSchema.optional(),
    description: z.string().trim().max(200).optional(),
    status: z.enum(["enabled", "disabled"]).optional().describe("enabled re-enables an endpoint the worker disabled"),
  })
  .refine((v) => Object.keys(v).length > 0, { message: "Send at least one field to change" });
export type UpdateWebhookEndpointInput = z.input<typeof UpdateWebhookEndpointSchema>;

export const MAX_OVERLAP_SECONDS = 7 * 24 * 3600;
export const RotateWebhookSecretSchema = z.strictObject({
  overlap_seconds: z
    .number()
    .int()
    .min(0)
    .max(MAX_OVERLAP_SECONDS)
    .default(24 * 3600)
    .describe("How long the previous secret keeps signing beside the new one (default 24 h)"),
});

export const WebhookEndpointSchema = z.object({
  id: z.string(),
  object: z.literal("webhook_endpoint"),
  url: z.string(),
  description: z.string(),
  events: z.array(z.string()),
  status: z.enum(["enabled", "disabled"]),
  disabled_reason: z.string().nullable(),
  disabled_at: z.string().nullable(),
  failing_since: z.string().nullable(),
  previous_secret_expires_at: z.string().nullable().describe("While set and in the future, deliveries carry a second signature made with the previous secret"),
  created_at: z.string(),
  updated_at: z.string(),
});
export type WebhookEndpointDto = z.infer<typeof WebhookEndpointSchema>;

export const WebhookEndpointWithSecretSchema = WebhookEndpointSchema.extend({
  secret: z.string().describe("whsec_… signing secret; shown only in this answer"),
});

export const WebhookEndpointListSchema = z.object({
  object: z.literal("list"),
  data: z.array(WebhookEndpointSchema),
  has_more: z.boolean(),
  next_cursor: z.string().nullable(),
});

export const WebhookAttemptSchema = z.object({
  id: z.string(),
  attempted_at: z.string(),
  succeeded: z.boolean(),
  status_code: z.number().int().nullable(),
  latency_ms: z.number().int(),
  response_excerpt: z.string(),
  error: z.string().nullable(),
});

export const WebhookDeliverySchema = z.object({
  id: z.string(),
  object: z.literal("webhook_delivery"),
  endpoint_id: z.string(),
  event: z.object({ id: z.string(), type: z.string(), created_at: z.string(), data: z.record(z.string(), z.unknown()) }),
  status: z.enum(["pending", "succeeded", "failed"]),
  attempt_count: z.number().int(),
  next_attempt_at: z.string().nullable(),
  last_attempt_at: z.string().nullable(),
  created_at: z.string(),
  attempts: z.array(WebhookAttemptSchema).describe("Every attempt, newest first"),
});
export type WebhookDeliveryDto = z.infer<typeof WebhookDeliverySchema>;

export const WebhookDeliveryListSchema = z.object({
  object: z.literal("list"),
  data: z.array(WebhookDeliverySchema),
  has_more: z.boolean(),
  next_cursor: z.string().nullable(),
});

export const ListWebhookDeliveriesQuerySchema = z.strictObject({
  status: z.enum(["pending", "succeeded", "failed"]).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).optional(),
});
export type ListWebhookDeliveriesQuery = z.output<typeof ListWebhookDeliveriesQuerySchema>;
