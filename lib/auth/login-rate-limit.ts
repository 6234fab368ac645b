/**
 * Sign-in attempts per (email, IP): at most LIMIT in a sliding WINDOW_MS. In process
 * memory: enough to slow password guessing against one instance; several instances each
 * keep their own count. A successful sign-in clears the count.
 */
const LIMIT = 5;
const WINDOW_MS = 60_000;

const holder = globalThis as { __aegisLoginAttempts?: Map<string, number[]> };
const attempts: Map<string, number[]> = (holder.__aegisLoginAttempts ??= new Map<string, number[]>());

const keyOf = (email: string, ip: string) => `${email.trim().toLowerCase()}|${ip}`;

/** Records an attempt; returns how many seconds to wait if this one is over the limit. */
export function takeLoginAttempt(email: string, ip: string, now = Date.now()): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
  const key = keyOf(email, ip);
  const recent = (attempts.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
  if (recent.length >= LIMIT) {
    attempts.set(key, recent);
    return { allowed: false, retryAfterSeconds: Math.ceil((recent[0] + WINDOW_MS - now) / 1000) };
  }
  recent.push(now);
  attempts.set(key, recent);
  if (attempts.size > 10_000) pruneStale(now);
  return { allowed: true };
}

export function clearLoginAttempts(email: string, ip: string): void {
  attempts.delete(keyOf(email, ip));
}

function pruneStale(now: number) {
  for (const [key, times] of attempts) if (times.every((t) => now - t >= WINDOW_MS)) attempts.delete(key);
}
