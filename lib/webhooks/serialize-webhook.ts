import type { WebhookDeliveryDto, WebhookEndpointDto } from "./webhook-schemas";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

type EndpointRow = {
  id: string;
  url: string;
  description: string;
  events: string[];
  status: "enabled" | "disabled";
  disabledReason: string | null;
  disabledAt: Date | null;
  failingSince: Date | null;
  previousSecretExpiresAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

/** The public view of an endpoint: never its secrets. */
export function serializeEndpoint(e: EndpointRow, now = new Date()): WebhookEndpointDto {
  return {
    id: e.id,
    object: "webhook_endpoint",
    url: e.url,
    description: e.description,
    events: e.events,
    status: e.status,
    disabled_reason: e.disabledReason,
    disabled_at: iso(e.disabledAt),
    failing_since: iso(e.failingSince),
    previous_secret_expires_at: e.previousSecretExpiresAt && e.previousSecretExpiresAt > now ? e.previousSecretExpiresAt.toISOString() : null,
    created_at: e.createdAt.toISOString(),
    updated_at: e.updatedAt.toISOString(),
  };
}

type DeliveryRow = {
  id: string;
  endpointId: string;
  status: "pending" | "succeeded" | "failed";
  attemptCount: number;
  nextAttemptAt: Date;
  lastAttemptAt: Date | null;
  createdAt: Date;
  event: { id: string; type: string; createdAt: Date; data: unknown };
  attempts: {
    id: string;
    attemptedAt: Date;
    succeeded: boolean;
    statusCode: number | null;
    latencyMs: number;
    responseExcerpt: string;
    error: string | null;
  }[];
};

export const deliveryInclude = { event: true, attempts: { orderBy: { attemptedAt: "desc" as const } } };

export function serializeDelivery(d: DeliveryRow): WebhookDeliveryDto {
  return {
    id: d.id,
    object: "webhook_delivery",
    endpoint_id: d.endpointId,
    event: { id: d.event.id, type: d.event.type, created_at: d.event.createdAt.toISOString(), data: d.event.data as Record<string, unknown> },
    status: d.status,
    attempt_count: d.attemptCount,
    next_attempt_at: d.status === "pending" ? d.nextAttemptAt.toISOString() : null,
    last_attempt_at: iso(d.lastAttemptAt),
    created_at: d.createdAt.toISOString(),
    attempts: d.attempts.map((a) => ({
      id: a.id,
      attempted_at: a.attemptedAt.toISOString(),
      succeeded: a.succeeded,
      status_code: a.statusCode,
      latency_ms: a.latencyMs,
      response_excerpt: a.responseExcerpt,
      error: a.error,
    })),
  };
}
