import type { DbOrTx } from "@/lib/db/client";
import { randomId } from "@/lib/db/ids";
import type { WebhookEventType } from "./webhook-event-types";

export type OutboxEvent = { orgId: string; type: WebhookEventType; data: Record<string, unknown>; at?: Date };

/**
 * Puts an event in the webhook outbox. Call it with the transaction that makes the change:
 * the event and one pending delivery per subscribed, enabled endpoint are written by ONE
 * statement and commit (or roll back) with the change, so a rolled-back change never sends
 * anything. An organisation without a subscribed endpoint writes nothing. The delivery
 * worker picks the rows up after commit, on any instance.
 */
export async function enqueueEvent(tx: DbOrTx, event: OutboxEvent): Promise<void> {
  const at = event.at ?? new Date();
  const payload = JSON.stringify(event.data);
  await tx.$executeRaw`
    WITH targets AS (
      SELECT id FROM webhook_endpoints
      WHERE org_id = ${event.orgId} AND status = 'enabled' AND ${event.type} = ANY(events)
    ), ev AS (
      INSERT INTO webhook_events (id, org_id, type, data, created_at)
      SELECT ${randomId("msg")}, ${event.orgId}, ${event.type}, ${payload}::jsonb, ${at}
      WHERE EXISTS (SELECT 1 FROM targets)
      RETURNING id
    )
    INSERT INTO webhook_deliveries (id, org_id, endpoint_id, event_id, status, next_attempt_at, created_at)
    SELECT 'whd_' || replace(gen_random_uuid()::text, '-', ''), ${event.orgId}, targets.id, ev.id, 'pending', ${at}, ${at}
    FROM targets CROSS JOIN ev`;
}
