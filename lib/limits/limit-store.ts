/**
 * Limits that must hold across every instance of the app (issue 17, item 5): the API and
 * dashboard request rate limits, the sign-in limits and the long-poll caps. Three stores
 * keep them: the database (PostgreSQL, or the embedded PGlite), Redis where REDIS_URL is
 * set, and process memory (the fallback when the shared store fails, and unit tests).
 *
 * Every operation is one round trip and atomic in the store, so two instances racing for
 * the last unit of a limit never both get it.
 */
export interface LimitStore {
  readonly kind: "memory" | "database" | "redis";
  /**
   * Takes up to `want` of the `limit` units of the fixed window of `windowMs` holding `now`
   * (windows aligned to the epoch, so instances with synchronised clocks agree on them) and
   * answers how many it got: `want`, fewer at the end of the window, 0 once it is used up.
   */
  take(key: string, limit: number, windowMs: number, now: number, want: number): Promise<number>;
  /**
   * Takes one of `cap` slots for `key` until released or until `ttlMs` passes (the slots of
   * a crashed instance expire by themselves). Returns the lease, or null when all are taken.
   */
  acquireSlot(key: string, cap: number, ttlMs: number, now: number): Promise<string | null>;
  releaseSlot(key: string, lease: string): Promise<void>;
  /** Remembers one event (a failed sign-in) for `windowMs`. */
  addEvent(key: string, windowMs: number, now: number): Promise<void>;
  /** The times of the key's events in the last `windowMs`, oldest first, at most the last 100. */
  recentEvents(key: string, windowMs: number, now: number): Promise<number[]>;
  clearEvents(key: string): Promise<void>;
  /** Deletes what has expired; the database needs it (Redis and memory expire keys themselves). */
  sweep(now: number): Promise<void>;
}

/** The start of the fixed window holding `now`. */
export const windowStart = (now: number, windowMs: number) => Math.floor(now / windowMs) * windowMs;

export const MAX_EVENTS = 100;
