import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/principal";
import { assertCan } from "@/lib/permissions/can";
import { getWebhookEndpointOrThrow } from "./get-webhook-endpoint";

/** Deletes an endpoint with its deliveries and attempts; nothing more is sent to it. */
export async function deleteWebhookEndpoint(db: Db, actor: Actor, orgId: string, id: string) {
  assertCan(actor, "webhook.manage", { orgId });
  await db.$transaction(async (tx) => {
    const endpoint = await getWebhookEndpointOrThrow(tx, orgId, id);
    await tx.webhookEndpoint.delete({ where: { id } });
    await recordAuditEvent(tx, { orgId, actor, action: "webhook_endpoint.deleted", targetId: id, data: { url: endpoint.url } });
  });
  return { id, object: "webhook_endpoint" as const, deleted: true };
}
