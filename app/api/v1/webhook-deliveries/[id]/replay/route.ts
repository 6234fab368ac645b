import { methodsNotAllowed } from "@/lib/api/fallback-responses";
import { withApiKey } from "@/lib/api/with-api-key";
import { replayWebhookDelivery } from "@/lib/webhooks/replay-webhook-delivery";

export const dynamic = "force-dynamic";
export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(["POST"]);

export const POST = withApiKey<{ id: string }>(async ({ db, principal, params }) => ({
  status: 201,
  body: await replayWebhookDelivery(db, principal, principal.orgId, params.id),
}));
