import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { assertAdmin, type AdminActor } from "@/lib/permissions/authorize-admin";
import { getWebhookEndpointOrThrow } from "./get-webhook-endpoint";

/** Deletes an endpoint with its deliveries and attempts; nothing more is sent to it. */
export async function deleteWebhookEndpoint(db: Db, actor: AdminActor, orgId: string, id: string) {
  assertAdmin(actor, orgId);
  await db.$transaction(async (tx) => {
    const endpoint = await getWebhookEndpointOrThrow(tx, orgId, id);
    await tx.webhookEndpoint.delete({ where: { id } });
    await recordAuditEvent(tx, { orgId, actor, action: "webhook_endpoint.deleted", targetId: id, data: { url: endpoint.url } });
  });
  return { id, object: "webhook_endpoint" as const, deleted: true };
}
