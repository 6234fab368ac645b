import { methodsNotAllowed } from "@/lib/api/fallback-responses";
import { withApiKey, queryObject } from "@/lib/api/with-api-key";
import { readJsonBody } from "@/lib/api/read-json-body";
import { AppError } from "@/lib/errors/app-error";
import { ListIntentsQuerySchema, SubmitIntentSchema } from "@/lib/intents/intent-schemas";
import { listIntents } from "@/lib/intents/list-intents";
import { submitIntent } from "@/lib/intents/submit-intent";
import { serveWithoutRouter } from "@/lib/server/fast-path";

export const dynamic = "force-dynamic";
export const { PUT, PATCH, DELETE } = methodsNotAllowed(["GET", "POST"]);

export const POST = withApiKey(async ({ req, db, principal }) => {
  const key = req.headers.get("idempotency-key")?.trim() || null;
  if (key && key.length > 255) throw new AppError("validation_error", "Idempotency-Key may be at most 255 characters");
  const input = await readJsonBody(req, SubmitIntentSchema);
  const { intent, replayed } = await submitIntent(db, principal, input, key);
  // A replay answers like the original (201) and says so in a header.
  return { status: 201, body: intent, headers: { "Idempotent-Replayed": String(replayed) } };
});
// The hot path: served without Next.js' router once the server is up (lib/server/fast-path.ts).
serveWithoutRouter("POST", "/api/v1/intents", POST);

// A list only reads: a replica may answer it (a just-submitted intent may show a moment later).
export const GET = withApiKey(async ({ req, readDb, principal }) => {
  const query = ListIntentsQuerySchema.parse(queryObject(req));
  return { body: await listIntents(await readDb(), principal, query) };
});
