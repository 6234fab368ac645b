import { EventEmitter } from "node:events";
import type { DbOrTx } from "@/lib/db/client";
import { databaseKind, databaseUrl } from "@/lib/db/config";
import { getPGlite } from "@/lib/db/raw-sql";

/**
 * "This intent changed" signals, carried by PostgreSQL's NOTIFY so they reach every app
 * instance sharing the database (and, being transactional, only after the change
 * commits). Each process LISTENs once and fans the payloads out locally.
 */
const CHANNEL = "aegis_intent_changed";

type State = { emitter: EventEmitter; listening?: Promise<void> };
const state: State = ((globalThis as { __aegisEvents?: State }).__aegisEvents ??= { emitter: new EventEmitter().setMaxListeners(0) });

/** Queues the signal inside the caller's transaction; it is delivered at commit. */
export async function notifyIntentChanged(tx: DbOrTx, intentId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${CHANNEL}, ${intentId})`;
}

function startListening(): Promise<void> {
  if (!state.listening) {
    const emit = (payload: string) => state.emitter.emit(payload);
    state.listening = (databaseKind() === "pglite" ? listenPGlite(emit) : listenPostgres(emit)).catch((e) => {
      state.listening = undefined; // retry on the next wait; waits still fall back to re-reading
      console.warn("[events] LISTEN failed:", (e as Error).message);
    });
  }
  return state.listening;
}

async function listenPGlite(emit: (p: string) => void) {
  await (await getPGlite()).listen(CHANNEL, emit);
}

async function listenPostgres(emit: (p: string) => void) {
  const { Client } = await import("pg");
  const client = new Client({ connectionString: databaseUrl()! });
  client.on("notification", (n) => n.payload && emit(n.payload));
  client.on("error", () => {
    state.listening = undefined; // reconnect lazily on the next wait
    client.end().catch(() => {});
  });
  await client.connect();
  await client.query(`LISTEN ${CHANNEL}`);
}

/** Resolves true when the intent changes, false when the time is up or the signal aborts. */
export async function waitForIntentSignal(intentId: string, timeoutMs: number, signal?: AbortSignal): Promise<boolean> {
  await startListening();
  return new Promise((resolve) => {
    const done = (changed: boolean) => {
      clearTimeout(timer);
      state.emitter.off(intentId, onChange);
      signal?.removeEventListener("abort", onAbort);
      resolve(changed);
    };
    const onChange = () => done(true);
    const onAbort = () => done(false);
    const timer = setTimeout(() => done(false), Math.max(0, timeoutMs));
    state.emitter.on(intentId, onChange);
    signal?.addEventListener("abort", onAbort);
  });
}
