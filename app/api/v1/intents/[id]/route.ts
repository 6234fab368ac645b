import { methodsNotAllowed } from "@/lib/api/fallback-responses";
import { callerKey } from "@/lib/api/caller-key";
import { acquireWaitSlot } from "@/lib/api/long-poll-slots";
import { withApiKey, queryObject } from "@/lib/api/with-api-key";
import { GetIntentQuerySchema } from "@/lib/intents/intent-schemas";
import { getIntent } from "@/lib/intents/get-intent";
import { waitForIntent } from "@/lib/intents/wait-for-intent";
import { serveWithoutRouter } from "@/lib/server/fast-path";

export const dynamic = "force-dynamic";
export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);

export const GET = withApiKey<{ id: string }>(async ({ req, db, principal, params }) => {
  const { wait } = GetIntentQuerySchema.parse(queryObject(req));
  if (!wait) return { body: await getIntent(db, principal, params.id) };
  // Capped per key (across instances) and per process; req.signal ends the wait (and frees the slot) when the client goes away.
  const release = await acquireWaitSlot(callerKey(principal), wait * 1000);
  try {
    return { body: await waitForIntent(db, principal, params.id, wait, req.signal) };
  } finally {
    release();
  }
});
// An agent polls this while it waits for a decision: served without Next.js' router (lib/server/fast-path.ts).
serveWithoutRouter("GET", "/api/v1/intents/:id", GET);
