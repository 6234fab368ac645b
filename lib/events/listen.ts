import { EventEmitter } from "node:events";
import { databaseKind, directDatabaseUrl } from "@/lib/db/config";
import { connectOnce } from "@/lib/db/failover-pool";
import { getPGlite, loadPg } from "@/lib/db/raw-sql";

/**
 * One LISTEN connection per process for every channel the app uses; payloads are fanned
 * out locally as `emitter.emit(channel, payload)`. NOTIFY is transactional, so listeners
 * only ever hear about committed changes, from any instance sharing the database. The listener
 * holds a session of its own, so it connects past a transaction pooler (DATABASE_DIRECT_URL).
 */
export const CHANNELS = ["aegis_intent_changed", "aegis_cache_changed"] as const;
export type Channel = (typeof CHANNELS)[number];

type State = { emitter: EventEmitter; listening?: Promise<void>; retryMs?: number };
const state: State = ((globalThis as { __aegisListen?: State }).__aegisListen ??= { emitter: new EventEmitter().setMaxListeners(0) });

export const channelEvents = state.emitter;

/**
 * Starts listening (once). On PostgreSQL a lost or failed LISTEN connection is opened again by
 * itself, after 1 s and then backing off to 30 s while the database stays away: after a failover
 * the wake-ups and cache invalidations resume on the new primary without waiting for a caller.
 */
export function ensureListening(): Promise<void> {
  if (!state.listening) {
    const emit = (channel: string, payload: string) => state.emitter.emit(channel, payload);
    const postgres = databaseKind() !== "pglite";
    state.listening = (postgres ? listenPostgres(emit) : listenPGlite(emit)).then(
      () => void (state.retryMs = undefined),
      (e) => {
        state.listening = undefined;
        console.warn("[events] LISTEN failed:", (e as Error).message);
        if (postgres) relistenLater();
      },
    );
  }
  return state.listening;
}

function relistenLater() {
  const delay = (state.retryMs = Math.min(MAX_RELISTEN_MS, state.retryMs ? state.retryMs * 2 : RELISTEN_AFTER_MS));
  setTimeout(() => void ensureListening(), delay).unref();
}
const RELISTEN_AFTER_MS = 1_000;
const MAX_RELISTEN_MS = 30_000;

async function listenPGlite(emit: (c: string, p: string) => void) {
  const pg = await getPGlite();
  for (const channel of CHANNELS) await pg.listen(channel, (payload) => emit(channel, payload));
}

async function listenPostgres(emit: (c: string, p: string) => void) {
  // The writable primary: a standby refuses LISTEN, and NOTIFY is sent where the writes happen.
  // DATABASE_DIRECT_URL, when set, bypasses PgBouncer: a LISTEN needs a session of its own.
  const client = await connectOnce(await loadPg(), directDatabaseUrl()!, "read-write");
  client.on("notification", (n) => n.payload && emit(n.channel, n.payload));
  client.on("error", () => {
    state.listening = undefined;
    state.emitter.emit("disconnected");
    client.end().catch(() => {});
    relistenLater(); // after a failover the primary is elsewhere
  });
  for (const channel of CHANNELS) await client.query(`LISTEN ${channel}`);
}
