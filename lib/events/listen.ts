import { EventEmitter } from "node:events";
import { databaseKind, directDatabaseUrl } from "@/lib/db/config";
import { getPGlite } from "@/lib/db/raw-sql";

/**
 * One LISTEN connection per process for every channel the app uses; payloads are fanned
 * out locally as `emitter.emit(channel, payload)`. NOTIFY is transactional, so listeners
 * only ever hear about committed changes, from any instance sharing the database. The listener
 * holds a session of its own, so it connects past a transaction pooler (DATABASE_DIRECT_URL).
 */
export const CHANNELS = ["aegis_intent_changed", "aegis_cache_changed"] as const;
export type Channel = (typeof CHANNELS)[number];

type State = { emitter: EventEmitter; listening?: Promise<void> };
const state: State = ((globalThis as { __aegisListen?: State }).__aegisListen ??= { emitter: new EventEmitter().setMaxListeners(0) });

export const channelEvents = state.emitter;

/** Starts listening (once); a failure is retried on the next call. */
export function ensureListening(): Promise<void> {
  if (!state.listening) {
    const emit = (channel: string, payload: string) => state.emitter.emit(channel, payload);
    state.listening = (databaseKind() === "pglite" ? listenPGlite(emit) : listenPostgres(emit)).catch((e) => {
      state.listening = undefined;
      console.warn("[events] LISTEN failed:", (e as Error).message);
    });
  }
  return state.listening;
}

async function listenPGlite(emit: (c: string, p: string) => void) {
  const pg = await getPGlite();
  for (const channel of CHANNELS) await pg.listen(channel, (payload) => emit(channel, payload));
}

async function listenPostgres(emit: (c: string, p: string) => void) {
  const { Client } = await import("pg");
  const client = new Client({ connectionString: directDatabaseUrl()! });
  client.on("notification", (n) => n.payload && emit(n.channel, n.payload));
  client.on("error", () => {
    state.listening = undefined; // reconnect lazily on the next call
    state.emitter.emit("disconnected");
    client.end().catch(() => {});
  });
  await client.connect();
  for (const channel of CHANNELS) await client.query(`LISTEN ${channel}`);
}
