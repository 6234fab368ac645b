/** When a request may be sent again, and how long to wait first (no I/O here). */

export type RetryPolicy = {
  /** Retry 429 and 5xx answers. */
  retryStatus: boolean;
  /** Retry when the answer did not arrive in time. */
  retryTimeout: boolean;
  /** Retry connection failures after the request may have reached the server. */
  retryAfterSend: boolean;
};

/** GETs: idempotent; a timeout is reported rather than silently repeated. */
export const READ: RetryPolicy = { retryStatus: true, retryTimeout: false, retryAfterSend: true };
/** Submit with an Idempotency-Key: the server deduplicates, so everything retries. */
export const IDEMPOTENT_WRITE: RetryPolicy = { retryStatus: true, retryTimeout: true, retryAfterSend: true };
/** Writes the server cannot deduplicate (respond, capture, void): only when nothing was sent. */
export const UNSAFE_WRITE: RetryPolicy = { retryStatus: false, retryTimeout: false, retryAfterSend: false };

export const DEFAULT_MAX_RETRIES = 3;
/** Longest Retry-After the SDK sleeps through; beyond it the error is raised. */
export const MAX_RETRY_AFTER_MS = 60_000;

/** How one attempt ended: an answer, or a failure before a complete answer arrived. */
export type Outcome = { kind: "answer"; status: number; retryAfterMs: number | null } | { kind: "connect" | "timeout" | "io"; sent: boolean };

/** Milliseconds before the next attempt, or null to stop. */
export function retryDelay(policy: RetryPolicy, maxRetries: number, attempt: number, outcome: Outcome, random = Math.random): number | null {
  if (attempt >= maxRetries) return null;
  if (outcome.kind === "answer") {
    if (outcome.status !== 429 && outcome.status < 500) return null;
    if (!policy.retryStatus) return null;
    if (outcome.retryAfterMs !== null) return outcome.retryAfterMs <= MAX_RETRY_AFTER_MS ? outcome.retryAfterMs : null;
    return backoff(attempt, random);
  }
  if (!outcome.sent) return backoff(attempt, random);
  if (outcome.kind === "timeout") return policy.retryTimeout ? backoff(attempt, random) : null;
  return policy.retryAfterSend ? backoff(attempt, random) : null;
}

/** 0.5 s, 1 s, 2 s ... (capped at 8 s) with ±25 % jitter. */
export function backoff(attempt: number, random = Math.random): number {
  const base = Math.min(8_000, 500 * 2 ** attempt);
  return base * (0.75 + random() * 0.5);
}

/** Retry-After as seconds or an HTTP date, in milliseconds from `now`. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (value === null || !value.trim()) return null;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const when = Date.parse(v);
  return Number.isNaN(when) ? null : Math.max(0, when - now);
}
