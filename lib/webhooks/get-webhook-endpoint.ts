import type { DbOrTx } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/principal";
import { assertCan } from "@/lib/permissions/can";
import { serializeEndpoint } from "./serialize-webhook";
import { notFound } from "@/lib/errors/app-error";

/** The endpoint, scoped to the organisation: another organisation's endpoint is simply not found. */
export async function getWebhookEndpointOrThrow(db: DbOrTx, orgId: string, id: string) {
  const endpoint = await db.webhookEndpoint.findFirst({ where: { id, orgId } });
  if (!endpoint) throw notFound("Webhook endpoint");
  return endpoint;
}

/** The API's read of one endpoint (admins only). */
export async function getWebhookEndpoint(db: DbOrTx, actor: Actor, orgId: string, id: string) {
  assertCan(actor, "webhook.list", { orgId });
  return serializeEndpoint(await getWebhookEndpointOrThrow(db, orgId, id));
}
