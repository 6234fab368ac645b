import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { sealSecret } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import type { Actor } from "@/lib/auth/principal";
import { assertCan } from "@/lib/permissions/can";
import { checkWebhookUrl } from "./check-webhook-url";
import { serializeEndpoint } from "./serialize-webhook";
import { newWebhookSecret } from "./sign-webhook";
import { webhookConfig } from "./webhook-config";
import { CreateWebhookEndpointSchema, type CreateWebhookEndpointInput } from "./webhook-schemas";

/** Registers an endpoint; the answer carries its signing secret, the only time it is shown (stored sealed). */
export async function createWebhookEndpoint(db: Db, actor: Actor, orgId: string, input: CreateWebhookEndpointInput) {
  assertCan(actor, "webhook.manage", { orgId });
  const data = CreateWebhookEndpointSchema.parse(input);
  const url = checkWebhookUrl(data.url, webhookConfig().allowPrivateUrls);
  const secret = newWebhookSecret();
  const endpoint = await db.$transaction(async (tx) => {
    const row = await tx.webhookEndpoint.create({
      data: { id: newId("whe"), orgId, url, events: data.events, description: data.description ?? "", secret: sealSecret(secret) },
    });
    await recordAuditEvent(tx, { orgId, actor, action: "webhook_endpoint.created", targetId: row.id, data: { url, events: data.events } });
    return row;
  });
  return { ...serializeEndpoint(endpoint), secret };
}
