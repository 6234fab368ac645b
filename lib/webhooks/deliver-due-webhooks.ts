import type { Db } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { disableWebhookEndpoint } from "./disable-webhook-endpoint";
import { postWebhook, type PostResult } from "./post-webhook";
import { retryDelayMs, shouldRetry } from "./retry-delay";
import { signWebhook } from "./sign-webhook";
import { webhookConfig } from "./webhook-config";

type Claimed = { id: string; endpointId: string; eventId: string; attemptCount: number; createdAt: Date };

/**
 * One pass of the delivery worker; any number of instances may run it at once. Due
 * deliveries are claimed by one statement (FOR UPDATE SKIP LOCKED) that also pushes their
 * next attempt out by a lease, so no transaction stays open during the HTTP call and a
 * crashed sender's deliveries are picked up again when the lease ends: at-least-once.
 * Returns how many deliveries were attempted.
 */
export async function deliverDueWebhooks(db: Db, batch = 20): Promise<number> {
  const cfg = webhookConfig();
  const now = new Date();
  const lease = new Date(now.getTime() + cfg.timeoutMs + 30_000);
  const claimed = await db.$queryRaw<Claimed[]>`
    UPDATE webhook_deliveries SET next_attempt_at = ${lease}, attempt_count = attempt_count + 1
    WHERE id IN (
      SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= ${now}
      ORDER BY next_attempt_at LIMIT ${batch} FOR UPDATE SKIP LOCKED)
    RETURNING id, endpoint_id AS "endpointId", event_id AS "eventId", attempt_count AS "attemptCount", created_at AS "createdAt"`;
  if (claimed.length === 0) return 0;
  const [endpoints, events] = await Promise.all([
    db.webhookEndpoint.findMany({ where: { id: { in: [...new Set(claimed.map((c) => c.endpointId))] } } }),
    db.webhookEvent.findMany({ where: { id: { in: [...new Set(claimed.map((c) => c.eventId))] } } }),
  ]);
  await Promise.all(
    claimed.map(async (delivery) => {
      const endpoint = endpoints.find((e) => e.id === delivery.endpointId);
      const event = events.find((e) => e.id === delivery.eventId);
      if (!endpoint || !event || endpoint.status !== "enabled") {
        await db.webhookDelivery.updateMany({ where: { id: delivery.id, status: "pending" }, data: { status: "failed" } });
        return;
      }
      const at = new Date();
      const body = JSON.stringify({ type: event.type, timestamp: event.createdAt.toISOString(), data: event.data });
      const secrets = [endpoint.secret];
      if (endpoint.previousSecret && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > at) secrets.push(endpoint.previousSecret);
      const headers = signWebhook({ id: event.id, timestamp: at, body }, secrets);
      const result = await postWebhook(endpoint.url, body, headers, { timeoutMs: cfg.timeoutMs, allowPrivate: cfg.allowPrivateUrls });
      await recordAttempt(db, delivery, endpoint.id, at, result);
    }),
  );
  return claimed.length;
}

async function recordAttempt(db: Db, delivery: Claimed, endpointId: string, at: Date, result: PostResult) {
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
