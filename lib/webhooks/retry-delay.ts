/**
 * Exponential backoff: base · 2^(attempt-1), capped, with ±20 % jitter so endpoints that
 * failed together are not retried in lockstep. `random` is injectable for tests.
 */
export function retryDelayMs(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp * (0.8 + 0.4 * random()));
}

/** Whether another attempt fits in the retry window that started when the delivery was created. */
export function shouldRetry(createdAt: Date, now: Date, delayMs: number, windowMs: number): boolean {
  return now.getTime() + delayMs - createdAt.getTime() <= windowMs;
}
