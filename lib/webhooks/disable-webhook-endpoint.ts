import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { notifyUsers } from "@/lib/notifications/notify-users";

/**
 * The worker's verdict on an endpoint that keeps failing: disabled (guarded, so one
 * instance does it once), its waiting deliveries failed, and every admin told through the
 * bell and, with SMTP, by email. An admin re-enables it from the dashboard, API or CLI.
 */
export async function disableWebhookEndpoint(db: Db, endpointId: string, reason: string, now = new Date()): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const changed = await tx.webhookEndpoint.updateMany({
      where: { id: endpointId, status: "enabled" },
      data: { status: "disabled", disabledAt: now, disabledReason: reason, updatedAt: now },
    });
    if (changed.count === 0) return false;
    const endpoint = await tx.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } });
    await tx.webhookDelivery.updateMany({ where: { endpointId, status: "pending" }, data: { status: "failed" } });
    await recordAuditEvent(tx, {
      orgId: endpoint.orgId,
      actor: "system",
      action: "webhook_endpoint.disabled",
      targetId: endpointId,
      data: { url: endpoint.url, reason },
    });
    await notifyUsers(tx, {
      orgId: endpoint.orgId,
      kind: "webhook_endpoint_disabled",
      subjectId: `${endpointId}@${now.toISOString()}`,
      title: `Webhook endpoint disabled: ${endpoint.url}`,
      body: `${reason}. Events are no longer sent to it. Fix the receiver, then enable the endpoint again under Developers → Webhooks; missed deliveries can be replayed there.`,
      path: `/developers/webhooks/${endpointId}`,
      audience: "admin",
      at: now,
    });
    return true;
  });
}
