import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";

/**
 * Caps concurrent long-polls (`?wait=`): at most AEGIS_LONGPOLL_PER_KEY (default 20) per
 * API key or session, and AEGIS_LONGPOLL_PER_PROCESS (default 1000) in this process.
 * Beyond either, 429 with Retry-After. Each wait holds a timer and re-reads the database,
 * so without a cap the request rate limit alone would let one key park thousands.
 */
type Slots = { total: number; byKey: Map<string, number> };
const slots: Slots = ((globalThis as { __aegisWaitSlots?: Slots }).__aegisWaitSlots ??= { total: 0, byKey: new Map() });

/** Takes a slot or throws 429; call the returned function exactly once when the wait ends. */
export function acquireWaitSlot(key: string, perKey = env().AEGIS_LONGPOLL_PER_KEY, perProcess = env().AEGIS_LONGPOLL_PER_PROCESS): () => void {
  const mine = slots.byKey.get(key) ?? 0;
  if (mine >= perKey || slots.total >= perProcess) {
    const which = mine >= perKey ? `${perKey} concurrent waits per key` : `${perProcess} concurrent waits on this server`;
    throw new AppError("rate_limited", `Too many long-polls at once (at most ${which}); retry shortly or poll without wait`, [], { "Retry-After": "1" });
  }
  slots.byKey.set(key, mine + 1);
  slots.total++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    slots.total--;
    const left = (slots.byKey.get(key) ?? 1) - 1;
    if (left > 0) slots.byKey.set(key, left);
    else slots.byKey.delete(key);
  };
}

export const waitsInFlight = () => slots.total;
