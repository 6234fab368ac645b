import { methodsNotAllowed } from "@/lib/api/fallback-responses";
import { readJsonBody } from "@/lib/api/read-json-body";
import { withApiKey } from "@/lib/api/with-api-key";
import { captureIntent } from "@/lib/intents/capture-intent";
import { CaptureIntentSchema } from "@/lib/intents/intent-schemas";

export const dynamic = "force-dynamic";
export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(["POST"]);

export const POST = withApiKey<{ id: string }>(async ({ req, db, principal, params }) => {
  const input = await readJsonBody(req, CaptureIntentSchema);
  return { body: await captureIntent(db, principal, params.id, input) };
});
