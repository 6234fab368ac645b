import { methodsNotAllowed } from "@/lib/api/fallback-responses";
import { queryObject, withApiKey } from "@/lib/api/with-api-key";
import { listWebhookDeliveries } from "@/lib/webhooks/list-webhook-deliveries";
import { ListWebhookDeliveriesQuerySchema } from "@/lib/webhooks/webhook-schemas";

export const dynamic = "force-dynamic";
export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);

export const GET = withApiKey<{ id: string }>(async ({ req, db, principal, params }) => {
  const query = ListWebhookDeliveriesQuerySchema.parse(queryObject(req));
  return { body: await listWebhookDeliveries(db, principal, principal.orgId, params.id, query) };
});
