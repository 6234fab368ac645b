import { getDb, type Db } from "@/lib/db/client";
import { ensureServerReady } from "@/lib/server/ensure-server-ready";
import { looksLikeId } from "@/lib/db/ids";
import { openSecret } from "@/lib/crypto/secret-box";
import { sqlOf, sqlTransaction } from "@/lib/db/sql";
import { decideCardAuthorization } from "./decide-card-authorization";
import { RailSignatureError, type RailAdapter } from "./rail-adapter";
import { claimRailEvent, type RailConnectionRef } from "./record-card-answer";
import { railAdapters } from "./registry";
import { settleFromRail } from "./settle-from-rail";

/** A plain answer for the rail (never our API's error body: the rail reads none of it). */
const plain = (status: number, message: string) =>
  new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/**
 * One delivery from a card rail to /api/rails/<connection id>: find the active connection, verify
 * the rail's signature with its own package (nothing is read from an unverified body; a missing,
 * wrong or stale signature is a 400 that decides and moves nothing), then decide an authorization
 * request or settle from a later event, and answer in the rail's own format.
 * An unknown or disconnected connection is a 404. An authorization whose decision failed for a
 * reason other than a refusal is declined (the safe answer: no money moves) and logged; a later
 * event that failed is a 500, so the rail delivers it again (idempotent by event id).
 */
export async function handleRailRequest(connectionId: string, rawBody: string, headers: Headers, given?: Db): Promise<Response> {
  await ensureServerReady();
  const db = given ?? (await getDb());
  if (!looksLikeId(connectionId)) return plain(404, "No such rail connection");
  const row = await sqlOf(db)
    .selectFrom("rail_connections")
    .select(["id", "org_id", "provider", "webhook_secret", "status"])
    .where("id", "=", connectionId)
    .executeTakeFirst();
  const adapter = row ? railAdapters[row.provider] : undefined;
  if (!row || row.status !== "active" || !adapter) return plain(404, "No such rail connection");
  const c: RailConnectionRef = { id: row.id, orgId: row.org_id, provider: row.provider };
  let event;
  try {
    event = parseWithAnySecret(adapter, rawBody, headers, openSecret(row.webhook_secret));
  } catch (e) {
    if (e instanceof RailSignatureError) return plain(400, e.message);
    return plain(400, "The body is not an event this rail sends");
  }
  switch (event.kind) {
    case "authorization_request":
      try {
        const answer = await decideCardAuthorization(db, c, event);
        return adapter.answerAuthorization(event, answer.approved);
      } catch (e) {
        console.error(`[rails] deciding authorization ${event.authorizationId} failed; declined:`, (e as Error).message);
        return adapter.answerAuthorization(event, false);
      }
    case "authorization_updated":
    case "transaction":
      try {
        await settleFromRail(db, c, event);
      } catch (e) {
        console.error(`[rails] settling from event ${event.eventId} failed; the rail will deliver it again:`, (e as Error).message);
        return plain(500, "Could not record this event; deliver it again");
      }
      return adapter.acknowledge(event);
    case "ignored":
      await sqlTransaction(db, (tx) => claimRailEvent(tx, c, event.eventId, event.type.slice(0, 100), new Date()));
      return adapter.acknowledge(event);
  }
}

/**
 * A connection may hold several signing secrets, comma-separated: Stripe signs its real-time
 * authorization webhook (Issuing settings) and the endpoint for later events (Webhooks) each with
 * its own. The delivery is accepted when one of them verifies it.
 */
function parseWithAnySecret(adapter: RailAdapter, rawBody: string, headers: Headers, secrets: string) {
  const list = secrets
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);
  let last: unknown = new RailSignatureError("No signing secret");
  for (const secret of list) {
    try {
      return adapter.parse(rawBody, headers, secret);
    } catch (e) {
      if (!(e instanceof RailSignatureError)) throw e;
      last = e;
    }
  }
  throw last;
}
