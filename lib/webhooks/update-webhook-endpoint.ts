import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/principal";
import { assertCan } from "@/lib/permissions/can";
import { checkWebhookUrl } from "./check-webhook-url";
import { getWebhookEndpointOrThrow } from "./get-webhook-endpoint";
import { serializeEndpoint } from "./serialize-webhook";
import { webhookConfig } from "./webhook-config";
import { UpdateWebhookEndpointSchema, type UpdateWebhookEndpointInput } from "./webhook-schemas";

/**
 * Changes url, events, description or status. Enabling a disabled endpoint clears its
 * failure streak; deliveries it missed while disabled stay failed (replay them if wanted).
 */
export async function updateWebhookEndpoint(db: Db, actor: Actor, orgId: string, id: string, input: UpdateWebhookEndpointInput) {
  assertCan(actor, "webhook.manage", { orgId });
  const data = UpdateWebhookEndpointSchema.parse(input);
  const url = data.url === undefined ? undefined : checkWebhookUrl(data.url, webhookConfig().allowPrivateUrls);
  const updated = await db.$transaction(async (tx) => {
    await getWebhookEndpointOrThrow(tx, orgId, id);
    const statusChange =
      data.status === "enabled"
        ? { status: "enabled" as const, disabledAt: null, disabledReason: null, failingSince: null }
        : data.status === "disabled"
          ? { status: "disabled" as const, disabledAt: new Date(), disabledReason: "Disabled by an admin" }
          : {};
    const row = await tx.webhookEndpoint.update({
      where: { id },
      data: {
        ...(url !== undefined ? { url } : {}),
        ...(data.events !== undefined ? { events: data.events } : {}),
        ...(data.description !== undefined ? { description: data.description } : {}),
        ...statusChange,
        updatedAt: new Date(),
      },
    });
    await recordAuditEvent(tx, {
      orgId,
      actor,
      action: "webhook_endpoint.updated",
      targetId: id,
      data: { url: row.url, events: row.events, status: row.status },
    });
    return row;
  });
  return serializeEndpoint(updated);
}
