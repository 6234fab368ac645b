import { afterCursor, page } from "@/lib/api/keyset-cursor";
import type { DbOrTx } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/principal";
import { assertCan } from "@/lib/permissions/can";
import { getWebhookEndpointOrThrow } from "./get-webhook-endpoint";
import { deliveryInclude, serializeDelivery } from "./serialize-webhook";
import { ListWebhookDeliveriesQuerySchema, type ListWebhookDeliveriesQuery } from "./webhook-schemas";

/** An endpoint's deliveries, newest first, each with every attempt made. */
export async function listWebhookDeliveries(db: DbOrTx, actor: Actor, orgId: string, endpointId: string, query: Partial<ListWebhookDeliveriesQuery> = {}) {
  assertCan(actor, "webhook.list", { orgId });
  const q = ListWebhookDeliveriesQuerySchema.parse(query);
  await getWebhookEndpointOrThrow(db, orgId, endpointId);
  const rows = await db.webhookDelivery.findMany({
    where: { orgId, endpointId, ...(q.status ? { status: q.status } : {}), ...afterCursor(q.cursor) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
    include: deliveryInclude,
  });
  const p = page(rows, q.limit);
  return { object: "list" as const, ...p, data: p.data.map(serializeDelivery) };
}
