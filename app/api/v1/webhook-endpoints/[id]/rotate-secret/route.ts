import { methodsNotAllowed } from "@/lib/api/fallback-responses";
import { readJsonBody } from "@/lib/api/read-json-body";
import { withApiKey } from "@/lib/api/with-api-key";
import { rotateWebhookSecret } from "@/lib/webhooks/rotate-webhook-secret";
import { RotateWebhookSecretSchema } from "@/lib/webhooks/webhook-schemas";

export const dynamic = "force-dynamic";
export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(["POST"]);

export const POST = withApiKey<{ id: string }>(async ({ req, db, principal, params }) => {
  // The body is optional: no body means the default overlap.
  const input = req.headers.get("content-type") ? await readJsonBody(req, RotateWebhookSecretSchema) : {};
  return { body: await rotateWebhookSecret(db, principal, principal.orgId, params.id, input) };
});
