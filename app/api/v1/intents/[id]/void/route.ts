import { methodsNotAllowed } from "@/lib/api/fallback-responses";
import { readJsonBody } from "@/lib/api/read-json-body";
import { withApiKey } from "@/lib/api/with-api-key";
import { VoidIntentSchema } from "@/lib/intents/intent-schemas";
import { voidIntent } from "@/lib/intents/void-intent";

export const dynamic = "force-dynamic";
export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(["POST"]);

export const POST = withApiKey<{ id: string }>(async ({ req, db, principal, params }) => {
  const input = await readJsonBody(req, VoidIntentSchema, { optional: true });
  return { body: await voidIntent(db, principal, params.id, input) };
});
