import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { Actor } from "@/lib/auth/principal";
import { assertCan } from "@/lib/permissions/can";
import { deliveryInclude, serializeDelivery } from "./serialize-webhook";

/**
 * Sends an event again as a new delivery (same `webhook-id`, so a receiver that already
 * processed it can tell). The original delivery and its attempts stay as they were.
 */
export async function replayWebhookDelivery(db: Db, actor: Actor, orgId: string, deliveryId: string) {
  assertCan(actor, "webhook.manage", { orgId });
  const replay = await db.$transaction(async (tx) => {
    const original = await tx.webhookDelivery.findFirst({ where: { id: deliveryId, orgId }, include: { endpoint: true } });
    if (!original) throw notFound("Webhook delivery");
    if (original.endpoint.status !== "enabled") throw new AppError("conflict", "The endpoint is disabled: enable it before replaying");
    const row = await tx.webhookDelivery.create({
      data: { id: newId("whd"), orgId, endpointId: original.endpointId, eventId: original.eventId, status: "pending", nextAttemptAt: new Date() },
      include: deliveryInclude,
    });
    await recordAuditEvent(tx, {
      orgId,
      actor,
      action: "webhook_delivery.replayed",
      targetId: deliveryId,
      data: { endpoint_id: original.endpointId, event_id: original.eventId, replay_id: row.id },
    });
    return row;
  });
  return serializeDelivery(replay);
}
