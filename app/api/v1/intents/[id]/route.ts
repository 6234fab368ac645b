import { methodsNotAllowed } from "@/lib/api/fallback-responses";
import { withApiKey, queryObject } from "@/lib/api/with-api-key";
import { GetIntentQuerySchema } from "@/lib/intents/intent-schemas";
import { getIntent } from "@/lib/intents/get-intent";
import { waitForIntent } from "@/lib/intents/wait-for-intent";

export const dynamic = "force-dynamic";
export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);

export const GET = withApiKey<{ id: string }>(async ({ req, db, principal, params }) => {
  const { wait } = GetIntentQuerySchema.parse(queryObject(req));
  const intent = wait ? await waitForIntent(db, principal, params.id, wait, req.signal) : await getIntent(db, principal, params.id);
  return { body: intent };
});
