import { methodsNotAllowed } from "@/lib/api/fallback-responses";
import { readJsonBody } from "@/lib/api/read-json-body";
import { withApiKey } from "@/lib/api/with-api-key";
import { deleteWebhookEndpoint } from "@/lib/webhooks/delete-webhook-endpoint";
import { getWebhookEndpoint } from "@/lib/webhooks/get-webhook-endpoint";
import { updateWebhookEndpoint } from "@/lib/webhooks/update-webhook-endpoint";
import { UpdateWebhookEndpointSchema } from "@/lib/webhooks/webhook-schemas";

export const dynamic = "force-dynamic";
export const { POST, PUT } = methodsNotAllowed(["GET", "PATCH", "DELETE"]);

export const GET = withApiKey<{ id: string }>(async ({ db, principal, params }) => ({
  body: await getWebhookEndpoint(db, principal, principal.orgId, params.id),
}));

export const PATCH = withApiKey<{ id: string }>(async ({ req, db, principal, params }) => {
  const input = await readJsonBody(req, UpdateWebhookEndpointSchema);
  return { body: await updateWebhookEndpoint(db, principal, principal.orgId, params.id, input) };
});

export const DELETE = withApiKey<{ id: string }>(async ({ db, principal, params }) => ({
  body: await deleteWebhookEndpoint(db, principal, principal.orgId, params.id),
}));
