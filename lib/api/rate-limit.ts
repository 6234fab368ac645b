import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";

/**
 * Per-key fixed-window limiter (AEGIS_RATE_LIMIT_PER_MINUTE, default 600; 0 disables).
 * It counts per process: with N instances behind a balancer a key gets up to N× the
 * limit. That is a deliberate trade: a shared counter would add a database write to
 * every request.
 */
type Bucket = { windowStart: number; count: number };
const WINDOW_MS = 60_000;
const buckets: Map<string, Bucket> = ((globalThis as { __aegisRate?: Map<string, Bucket> }).__aegisRate ??= new Map());

export function limitPerMinute(): number {
  return env().AEGIS_RATE_LIMIT_PER_MINUTE;
}

export function checkRateLimit(key: string, now = Date.now(), limit = limitPerMinute()): void {
  if (limit === 0) return;
  let b = buckets.get(key);
  if (!b || now - b.windowStart >= WINDOW_MS) {
    b = { windowStart: now, count: 0 };
    buckets.set(key, b);
    if (buckets.size > 10_000) sweep(now);
  }
  if (b.count >= limit) {
    const retryAfter = Math.max(1, Math.ceil((b.windowStart + WINDOW_MS - now) / 1000));
    throw new AppError("rate_limited", `Rate limit of ${limit} requests per minute exceeded; retry in ${retryAfter}s`, [], {
      "Retry-After": String(retryAfter),
    });
  }
  b.count++;
}

function sweep(now: number) {
  for (const [k, b] of buckets) if (now - b.windowStart >= WINDOW_MS) buckets.delete(k);
}
