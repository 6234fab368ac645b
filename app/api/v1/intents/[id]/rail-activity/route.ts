import { methodsNotAllowed } from "@/lib/api/fallback-responses";
import { withApiKey } from "@/lib/api/with-api-key";
import { listIntentRailActivity } from "@/lib/rails/list-intent-rail-activity";
import { serializeRailActivity } from "@/lib/rails/serialize-rail";

export const dynamic = "force-dynamic";
export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);

// Read like GET /intents/{id}: the principal's scope finds the intent (an agent key only its own agent's; another organisation's is 404).
export const GET = withApiKey<{ id: string }>(async ({ db, principal, params }) => ({
  body: serializeRailActivity(params.id, await listIntentRailActivity(db, principal.orgId, params.id, principal)),
}));
