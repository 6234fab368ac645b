/**
 * Slows password guessing without ever refusing a correct password because someone else
 * guessed wrong (issue 9, finding 2). Two measures, in process memory per instance:
 * - per client address (the socket's, or X-Forwarded-For behind AEGIS_TRUSTED_PROXIES):
 *   at most PER_ADDRESS failed sign-ins in ADDRESS_WINDOW_MS; after that that address
 *   is refused for a while. A forged X-Forwarded-For does not change the address.
 * - per account: after FREE_FAILURES failures in ACCOUNT_WINDOW_MS, from anywhere, every
 *   attempt at that account waits a delay that doubles with each further failure (capped
 *   at MAX_DELAY_MS). The attempt is then checked as usual: the right password gets in.
 * A successful sign-in clears its account's failures and its address's count for it.
 */
export const PER_ADDRESS = 20;
const ADDRESS_WINDOW_MS = 10 * 60_000;
export const FREE_FAILURES = 5;
const ACCOUNT_WINDOW_MS = 15 * 60_000;
const BASE_DELAY_MS = 250;
export const MAX_DELAY_MS = 4_000;

const holder = globalThis as { __aegisLoginFailures?: Map<string, number[]> };
const failures: Map<string, number[]> = (holder.__aegisLoginFailures ??= new Map<string, number[]>());

const normal = (email: string) => email.trim().toLowerCase();
const addressKey = (address: string) => `addr|${address}`;
const accountKey = (email: string) => `acct|${normal(email)}`;

function recent(key: string, windowMs: number, now: number): number[] {
  const times = (failures.get(key) ?? []).filter((t) => now - t < windowMs);
  if (times.length) failures.set(key, times);
  else failures.delete(key);
  return times;
}

export type LoginGate = { allowed: true; delayMs: number } | { allowed: false; retryAfterSeconds: number };

/** Before checking a password: is this address still allowed, and how long must the attempt wait? */
export function checkLoginAttempt(email: string, address: string, now = Date.now()): LoginGate {
  const byAddress = recent(addressKey(address), ADDRESS_WINDOW_MS, now);
  if (byAddress.length >= PER_ADDRESS) {
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((byAddress[0] + ADDRESS_WINDOW_MS - now) / 1000)) };
  }
  const extra = recent(accountKey(email), ACCOUNT_WINDOW_MS, now).length - FREE_FAILURES;
  return { allowed: true, delayMs: extra < 0 ? 0 : Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** extra) };
}

export function recordLoginFailure(email: string, address: string, now = Date.now()): void {
  for (const key of [addressKey(address), accountKey(email)]) failures.set(key, [...(failures.get(key) ?? []), now].slice(-100));
  if (failures.size > 10_000) pruneStale(now);
}

export function recordLoginSuccess(email: string): void {
  failures.delete(accountKey(email));
}

function pruneStale(now: number) {
  for (const [key, times] of failures) if (times.every((t) => now - t >= Math.max(ADDRESS_WINDOW_MS, ACCOUNT_WINDOW_MS))) failures.delete(key);
}
