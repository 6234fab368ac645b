import type { DbOrTx } from "@/lib/db/client";
import { randomId } from "@/lib/db/ids";
import { runSql, type SqlDb } from "@/lib/db/sql";
import { sql } from "kysely";
import type { WebhookEventType } from "./webhook-event-types";

export type OutboxEvent = { orgId: string; type: WebhookEventType; data: Record<string, unknown>; at?: Date };

/**
 * The outbox writes for one event as three CTEs named `<name>_t/_e/_d`: the subscribed, enabled
 * endpoints, the event row (none without an endpoint) and one pending delivery per endpoint. A
 * statement of its own (enqueueEvent) or part of a larger one (the decision's).
 */
export function outboxCtes(name: string, event: OutboxEvent) {
  const at = event.at ?? new Date();
  const [t, e, d] = ["t", "e", "d"].map((x) => sql.raw(`${name}_${x}`));
  return sql`${t} AS (
      SELECT id FROM webhook_endpoints
      WHERE org_id = ${event.orgId} AND status = 'enabled' AND ${event.type} = ANY(events)
    ), ${e} AS (
      INSERT INTO webhook_events (id, org_id, type, data, created_at)
      SELECT ${randomId("msg")}, ${event.orgId}, ${event.type}, ${JSON.stringify(event.data)}::jsonb, ${at}::timestamp
      WHERE EXISTS (SELECT 1 FROM ${t})
      RETURNING id
    ), ${d} AS (
      INSERT INTO webhook_deliveries (id, org_id, endpoint_id, event_id, status, next_attempt_at, created_at)
      SELECT 'whd_' || replace(gen_random_uuid()::text, '-', ''), ${event.orgId}, ${t}.id, ${e}.id, 'pending', ${at}::timestamp, ${at}::timestamp
      FROM ${t} CROSS JOIN ${e}
    )`;
}

/**
 * Puts an event in the webhook outbox. Call it with the transaction that makes the change
 * (Prisma's or the typed layer's): the event and its deliveries commit (or roll back) with the
 * change, so a rolled-back change never sends anything. The delivery worker picks the rows up
 * after commit, on any instance.
 */
export async function enqueueEvent(tx: DbOrTx | SqlDb, event: OutboxEvent): Promise<void> {
  await runSql(tx, sql`WITH ${outboxCtes("outbox", event)} SELECT 1`);
}
