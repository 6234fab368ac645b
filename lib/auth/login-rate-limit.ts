/**
 * Sign-in attempts, in a sliding WINDOW_MS: at most PER_CLIENT per (email, IP), and at most
 * PER_ACCOUNT per email from anywhere. The second bound matters because the IP comes from
 * X-Forwarded-For, which a client can set: rotating it must not buy unlimited guesses at one
 * account. In process memory: several instances each keep their own count. A successful
 * sign-in clears the client's count (not the account's, so it cannot be used to reset it).
 */
const PER_CLIENT = 5;
const PER_ACCOUNT = 20;
const WINDOW_MS = 60_000;

const holder = globalThis as { __aegisLoginAttempts?: Map<string, number[]> };
const attempts: Map<string, number[]> = (holder.__aegisLoginAttempts ??= new Map<string, number[]>());

const normal = (email: string) => email.trim().toLowerCase();
const clientKey = (email: string, ip: string) => `${normal(email)}|${ip}`;
const accountKey = (email: string) => `${normal(email)}|*`;

/** Records an attempt; returns how many seconds to wait if this one is over a limit. */
export function takeLoginAttempt(email: string, ip: string, now = Date.now()): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
  const buckets: [string, number][] = [
    [clientKey(email, ip), PER_CLIENT],
    [accountKey(email), PER_ACCOUNT],
  ];
  for (const [key, limit] of buckets) {
    const recent = (attempts.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
    attempts.set(key, recent);
    if (recent.length >= limit) return { allowed: false, retryAfterSeconds: Math.ceil((recent[0] + WINDOW_MS - now) / 1000) };
  }
  for (const [key] of buckets) attempts.get(key)!.push(now);
  if (attempts.size > 10_000) pruneStale(now);
  return { allowed: true };
}

export function clearLoginAttempts(email: string, ip: string): void {
  attempts.delete(clientKey(email, ip));
}

function pruneStale(now: number) {
  for (const [key, times] of attempts) if (times.every((t) => now - t >= WINDOW_MS)) attempts.delete(key);
}
