import { methodsNotAllowed } from "@/lib/api/fallback-responses";
import { readJsonBody } from "@/lib/api/read-json-body";
import { withApiKey } from "@/lib/api/with-api-key";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { listWebhookEndpoints } from "@/lib/webhooks/list-webhook-endpoints";
import { CreateWebhookEndpointSchema } from "@/lib/webhooks/webhook-schemas";

export const dynamic = "force-dynamic";
export const { PUT, PATCH, DELETE } = methodsNotAllowed(["GET", "POST"]);

export const GET = withApiKey(async ({ db, principal }) => ({ body: await listWebhookEndpoints(db, principal, principal.orgId) }));

export const POST = withApiKey(async ({ req, db, principal }) => {
  const input = await readJsonBody(req, CreateWebhookEndpointSchema);
  return { status: 201, body: await createWebhookEndpoint(db, principal, principal.orgId, input) };
});
