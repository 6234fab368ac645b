import type { Db } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { disableWebhookEndpoint } from "./disable-webhook-endpoint";
import type { PostResult } from "./post-webhook";
import { retryDelayMs, shouldRetry } from "./retry-delay";
import { webhookConfig } from "./webhook-config";

export type ClaimedDelivery = { id: string; orgId: string; endpointId: string; eventId: string; attemptCount: number; createdAt: Date };

/**
 * Keeps one attempt's outcome: the attempt row, the delivery's next state (done, retried with
 * backoff, or failed), and the endpoint's failure streak; an endpoint that failed for the whole
 * retry window with no success since is disabled.
 */
export async function recordWebhookAttempt(db: Db, delivery: ClaimedDelivery, endpointId: string, at: Date, result: PostResult) {
  const cfg = webhookConfig();
  const done = new Date();
  const delay = retryDelayMs(delivery.attemptCount, cfg.retryBaseMs, cfg.retryMaxDelayMs);
  const retry = !result.ok && shouldRetry(delivery.createdAt, done, delay, cfg.retryWindowMs);
  const exhausted = await db.$transaction(async (tx) => {
    await tx.webhookAttempt.create({
      data: {
        id: newId("wha"),
        deliveryId: delivery.id,
        attemptedAt: at,
        succeeded: result.ok,
        statusCode: result.statusCode,
        latencyMs: result.latencyMs,
        responseExcerpt: result.excerpt,
        error: result.error,
      },
    });
    const status = result.ok ? "succeeded" : retry ? "pending" : "failed";
    await tx.webhookDelivery.updateMany({
      where: { id: delivery.id, status: "pending" },
      data: { status, lastAttemptAt: at, ...(retry ? { nextAttemptAt: new Date(done.getTime() + delay) } : {}) },
    });
    if (result.ok) {
      await tx.webhookEndpoint.updateMany({ where: { id: endpointId, failingSince: { not: null } }, data: { failingSince: null } });
      return false;
    }
    await tx.webhookEndpoint.updateMany({ where: { id: endpointId, failingSince: null }, data: { failingSince: at } });
    return !retry;
  });
  // A delivery exhausted its window, and the endpoint's failure streak began no later than
  // this delivery's first attempt: nothing got through for the whole window, so stop.
  if (exhausted) {
    const [endpoint, first] = await Promise.all([
      db.webhookEndpoint.findUnique({ where: { id: endpointId } }),
      db.webhookAttempt.findFirst({ where: { deliveryId: delivery.id }, orderBy: { attemptedAt: "asc" } }),
    ]);
    if (endpoint?.failingSince && first && endpoint.failingSince <= first.attemptedAt) {
      await disableWebhookEndpoint(db, endpointId, `Every delivery failed for ${describeWindow(cfg.retryWindowMs)} (last error: ${result.error ?? "unknown"})`);
    }
  }
}

const describeWindow = (ms: number) => (ms >= 3_600_000 ? `${Math.round(ms / 3_600_000)} h` : `${Math.round(ms / 1000)} s`);
