import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { sealSecret } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/principal";
import { assertCan } from "@/lib/permissions/can";
import { getWebhookEndpointOrThrow } from "./get-webhook-endpoint";
import { serializeEndpoint } from "./serialize-webhook";
import { newWebhookSecret } from "./sign-webhook";
import { RotateWebhookSecretSchema } from "./webhook-schemas";

/**
 * A new signing secret, shown once. Until the overlap ends every delivery carries a second
 * signature made with the old secret, so receivers can switch without dropping events.
 */
export async function rotateWebhookSecret(db: Db, actor: Actor, orgId: string, id: string, input: { overlap_seconds?: number }, now = new Date()) {
  assertCan(actor, "webhook.manage", { orgId });
  const { overlap_seconds } = RotateWebhookSecretSchema.parse(input);
  const secret = newWebhookSecret();
  const expiresAt = new Date(now.getTime() + overlap_seconds * 1000);
  const row = await db.$transaction(async (tx) => {
    const endpoint = await getWebhookEndpointOrThrow(tx, orgId, id);
    const updated = await tx.webhookEndpoint.update({
      where: { id },
      // Both stay sealed: the previous one moves over as it is stored.
      data: { secret: sealSecret(secret), previousSecret: endpoint.secret, previousSecretExpiresAt: expiresAt, updatedAt: now },
    });
    await recordAuditEvent(tx, {
      orgId,
      actor,
      action: "webhook_endpoint.secret_rotated",
      targetId: id,
      data: { previous_secret_expires_at: expiresAt.toISOString() },
    });
    return updated;
  });
  return { ...serializeEndpoint(row, now), secret };
}
