import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { limitStore } from "@/lib/limits/get-limit-store";
import type { LimitStore } from "@/lib/limits/limit-store";

/**
 * Caps concurrent long-polls (`?wait=` and MCP's wait_for_decision): at most
 * AEGIS_LONGPOLL_PER_KEY (default 20) per API key or session across every instance (a slot
 * is a lease in the shared limit store, so one taken on instance A counts on B, and the
 * slots of an instance that died expire a little after its longest wait would have), and
 * AEGIS_LONGPOLL_PER_PROCESS (default 1000) in this process (memory: it guards this process's
 * timers and sockets). Beyond either, 429 with Retry-After.
 */
const inProcess = ((globalThis as { __aegisWaitsInProcess?: { total: number } }).__aegisWaitsInProcess ??= { total: 0 });
/** A lease outlives its wait by this much before another instance may reuse its slot. */
const LEASE_MARGIN_MS = 15_000;

/** Takes a slot or throws 429; call the returned function exactly once when the wait ends. */
export async function acquireWaitSlot(
  key: string,
  waitMs: number,
  opts: { perKey?: number; perProcess?: number; store?: LimitStore; now?: number } = {},
): Promise<() => void> {
  const { perKey = env().AEGIS_LONGPOLL_PER_KEY, perProcess = env().AEGIS_LONGPOLL_PER_PROCESS, store = limitStore(), now = Date.now() } = opts;
  if (inProcess.total >= perProcess) throw busy(`${perProcess} concurrent waits on this server`);
  inProcess.total++;
  let lease: string | null = null;
  try {
    lease = await store.acquireSlot(`wait:${key}`, perKey, waitMs + LEASE_MARGIN_MS, now);
  } finally {
    if (!lease) inProcess.total--;
  }
  if (!lease) throw busy(`${perKey} concurrent waits per key`);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    inProcess.total--;
    store.releaseSlot(`wait:${key}`, lease).catch((e) => console.warn("[limits] releasing a long-poll slot failed:", (e as Error).message));
  };
}

const busy = (which: string) =>
  new AppError("rate_limited", `Too many long-polls at once (at most ${which}); retry shortly or poll without wait`, [], { "Retry-After": "1" });

export const waitsInFlight = () => inProcess.total;
