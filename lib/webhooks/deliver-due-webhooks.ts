import { openSecret } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { shareOut, type FairPool, type Turn } from "@/lib/jobs/fair-pool";
import { postWebhook } from "./post-webhook";
import { recordWebhookAttempt, type ClaimedDelivery } from "./record-webhook-attempt";
import { signWebhook } from "./sign-webhook";
import { webhookConfig } from "./webhook-config";

/**
 * One pass of the delivery worker; any number of instances may run it at once. It finds the
 * organisations with due deliveries, gives each at most its room in `pool` (a per-organisation
 * cap), claims that many of each one's oldest due deliveries in one statement (FOR UPDATE SKIP
 * LOCKED, pushing their next attempt out by a lease, so no transaction stays open during HTTP
 * and a crashed sender's deliveries are retried when the lease ends: at-least-once), and starts
 * them in the pool without waiting: a slow endpoint holds only its own organisation's slots.
 * Returns how many deliveries it started.
 */
export async function deliverDueWebhooks(db: Db, pool: FairPool, turn: Turn): Promise<number> {
  if (pool.free() === 0) return 0;
  const cfg = webhookConfig();
  const now = new Date();
  const shares = shareOut(pool, await orgsWithDueDeliveries(db, now), turn);
  if (shares.length === 0) return 0;
  const lease = new Date(now.getTime() + cfg.timeoutMs + 30_000);
  const picks = shares.map(
    ({ orgId, n }) => Prisma.sql`ARRAY(SELECT id FROM webhook_deliveries WHERE status = 'pending' AND org_id = ${orgId} AND next_attempt_at <= ${now}
      ORDER BY next_attempt_at LIMIT ${n} FOR UPDATE SKIP LOCKED)`,
  );
  const claimed = await db.$queryRaw<ClaimedDelivery[]>`
    UPDATE webhook_deliveries SET next_attempt_at = ${lease}, attempt_count = attempt_count + 1
    WHERE id = ANY(${Prisma.join(picks, " || ")})
    RETURNING id, org_id AS "orgId", endpoint_id AS "endpointId", event_id AS "eventId", attempt_count AS "attemptCount", created_at AS "createdAt"`;
  for (const delivery of claimed) pool.start(delivery.orgId, () => deliverOne(db, delivery), `webhook delivery ${delivery.id}`);
  return claimed.length;
}

/**
 * Organisations with a due delivery, by a skip scan of (status, org_id, next_attempt_at): one
 * index probe per organisation with pending deliveries, however many a backlog holds.
 */
async function orgsWithDueDeliveries(db: Db, now: Date): Promise<string[]> {
  const rows = await db.$queryRaw<{ org_id: string }[]>`
    WITH RECURSIVE orgs(org_id) AS (
      (SELECT org_id FROM webhook_deliveries WHERE status = 'pending' ORDER BY org_id LIMIT 1)
      UNION ALL
      SELECT (SELECT d.org_id FROM webhook_deliveries d WHERE d.status = 'pending' AND d.org_id > orgs.org_id ORDER BY d.org_id LIMIT 1)
      FROM orgs WHERE orgs.org_id IS NOT NULL)
    SELECT org_id FROM orgs
    WHERE org_id IS NOT NULL
      AND EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.status = 'pending' AND d.org_id = orgs.org_id AND d.next_attempt_at <= ${now})`;
  return rows.map((r) => r.org_id);
}

async function deliverOne(db: Db, delivery: ClaimedDelivery): Promise<void> {
  const cfg = webhookConfig();
  const [endpoint, event] = await Promise.all([
    db.webhookEndpoint.findUnique({ where: { id: delivery.endpointId } }),
    db.webhookEvent.findUnique({ where: { id: delivery.eventId } }),
  ]);
  if (!endpoint || !event || endpoint.status !== "enabled") {
    await db.webhookDelivery.updateMany({ where: { id: delivery.id, status: "pending" }, data: { status: "failed" } });
    return;
  }
  const at = new Date();
  const body = JSON.stringify({ type: event.type, timestamp: event.createdAt.toISOString(), data: event.data });
  const sealed = [endpoint.secret];
  if (endpoint.previousSecret && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > at) sealed.push(endpoint.previousSecret);
  let secrets: string[];
  try {
    secrets = sealed.map((s) => openSecret(s));
  } catch (e) {
    // A key missing from AEGIS_SECRET_KEY: nothing is sent unsigned; the attempt says why, and retries follow.
    const error = `cannot open the signing secret: ${(e as Error).message}`;
    await recordWebhookAttempt(db, delivery, endpoint.id, at, { ok: false, statusCode: null, latencyMs: 0, excerpt: "", error });
    return;
  }
  const headers = signWebhook({ id: event.id, timestamp: at, body }, secrets);
  const result = await postWebhook(endpoint.url, body, headers, { timeoutMs: cfg.timeoutMs, allowPrivate: cfg.allowPrivateUrls });
  await recordWebhookAttempt(db, delivery, endpoint.id, at, result);
}
