import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { limitStore } from "@/lib/limits/get-limit-store";
import { windowStart, type LimitStore } from "@/lib/limits/limit-store";

/**
 * Per-key fixed-window limiter (AEGIS_RATE_LIMIT_PER_MINUTE for API keys and sessions,
 * AEGIS_DASHBOARD_RATE_LIMIT_PER_MINUTE for dashboard routes; 0 disables). The count lives in
 * the shared limit store (the database, or Redis), so a key gets its limit across all
 * instances together, not once per instance.
 *
 * A round trip per request would cost every request a statement, so each instance takes a
 * key's units in small batches (a fiftieth of the limit, at most 20) and spends them locally;
 * once the store says the window is used up, the instance refuses the key until the window
 * turns without asking again. The store never grants more than the limit, so instances
 * together never let more through; a batch an instance does not finish is lost with its
 * window, so several busy instances may refuse a key a few requests before the exact limit.
 */
const WINDOW_MS = 60_000;
type Local = { start: number; left: number; exhausted: boolean; taking?: Promise<void> };
type Batches = WeakMap<LimitStore, Map<string, Local>>;
/** This instance's unspent units per store and key (on globalThis: several bundles in one process share them). */
const batches: Batches = ((globalThis as { __aegisRateBatches?: Batches }).__aegisRateBatches ??= new WeakMap());

export function limitPerMinute(): number {
  return env().AEGIS_RATE_LIMIT_PER_MINUTE;
}

export const batchSize = (limit: number) => Math.min(20, Math.max(1, Math.floor(limit / 50)));

export async function checkRateLimit(key: string, limit = limitPerMinute(), now = Date.now(), store: LimitStore = limitStore()): Promise<void> {
  if (limit === 0) return;
  const start = windowStart(now, WINDOW_MS);
  const local = batches.get(store) ?? new Map<string, Local>();
  batches.set(store, local);
  const id = `${limit}:${key}`;
  let mine = local.get(id);
  if (!mine || mine.start !== start) {
    mine = { start, left: 0, exhausted: false };
    local.set(id, mine);
    if (local.size > 10_000) for (const [k, v] of local) if (v.start !== start) local.delete(k);
  }
  // One take at a time per key: requests arriving while a batch is on its way wait for it, so a
  // burst does not reserve a batch per request and strand units other instances need.
  while (mine.left === 0 && !mine.exhausted) {
    const batch = mine;
    batch.taking ??= store
      .take(`rate:${key}`, limit, WINDOW_MS, now, batchSize(limit))
      .then((granted) => {
        batch.left += granted;
        batch.exhausted = granted === 0;
      })
      .finally(() => (batch.taking = undefined));
    await batch.taking;
  }
  if (mine.left > 0) {
    mine.left--;
    return;
  }
  const retryAfter = Math.max(1, Math.ceil((start + WINDOW_MS - now) / 1000));
  throw new AppError("rate_limited", `Rate limit of ${limit} requests per minute exceeded; retry in ${retryAfter}s`, [], {
    "Retry-After": String(retryAfter),
  });
}
