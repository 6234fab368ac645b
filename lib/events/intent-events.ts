import { sql } from "kysely";
import type { DbOrTx } from "@/lib/db/client";
import { runSql, type SqlDb } from "@/lib/db/sql";
import { channelEvents, ensureListening } from "./listen";

/**
 * "This intent changed" signals, carried by PostgreSQL's NOTIFY so they reach every app
 * instance sharing the database (and, being transactional, only after the change commits).
 */
const CHANNEL = "aegis_intent_changed";

/** The signal as an expression (the decision's statement selects it from its intent row). */
export const intentChangedSql = (intentId: unknown) => sql`pg_notify(${CHANNEL}, ${intentId}::text)`;

/** Queues the signal inside the caller's transaction; it is delivered at commit. */
export async function notifyIntentChanged(tx: DbOrTx | SqlDb, intentId: string): Promise<void> {
  await runSql(tx, sql`SELECT ${intentChangedSql(intentId)}`);
}

type Waiter = { wake: () => void };
type Waiters = { byIntent: Map<string, Set<Waiter>>; subscribed: boolean };
const waiters: Waiters = ((globalThis as { __aegisWaiters?: Waiters }).__aegisWaiters ??= { byIntent: new Map(), subscribed: false });

function wakeIntent(intentId: string) {
  for (const w of waiters.byIntent.get(intentId) ?? []) w.wake();
}

/** The intents someone is waiting on in this process (the long-poll's shared re-check reads them). */
export function waitedIntentIds(): string[] {
  return [...waiters.byIntent.keys()];
}

/** Wakes the waiters of these intents, as a signal would (used by the shared re-check). */
export function wakeIntents(ids: Iterable<string>): void {
  for (const id of ids) wakeIntent(id);
}

/** Resolves true when the intent changes, false when the time is up or the signal aborts. */
export async function waitForIntentSignal(intentId: string, timeoutMs: number, signal?: AbortSignal): Promise<boolean> {
  if (!waiters.subscribed) {
    waiters.subscribed = true;
    channelEvents.on(CHANNEL, wakeIntent);
  }
  await ensureListening();
  return new Promise((resolve) => {
    const set = waiters.byIntent.get(intentId) ?? new Set<Waiter>();
    waiters.byIntent.set(intentId, set);
    const done = (changed: boolean) => {
      clearTimeout(timer);
      set.delete(waiter);
      if (set.size === 0 && waiters.byIntent.get(intentId) === set) waiters.byIntent.delete(intentId);
      signal?.removeEventListener("abort", onAbort);
      resolve(changed);
    };
    const waiter: Waiter = { wake: () => done(true) };
    const onAbort = () => done(false);
    const timer = setTimeout(() => done(false), Math.max(0, timeoutMs));
    set.add(waiter);
    signal?.addEventListener("abort", onAbort);
  });
}
