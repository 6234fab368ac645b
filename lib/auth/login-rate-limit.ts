import { limitStore } from "@/lib/limits/get-limit-store";
import type { LimitStore } from "@/lib/limits/limit-store";

/**
 * Slows password guessing without ever refusing a correct password because someone else
 * guessed wrong (issue 9, finding 2). Two measures, kept in the shared limit store so they
 * hold across every instance (issue 17):
 * - per client address (the socket's, or X-Forwarded-For behind AEGIS_TRUSTED_PROXIES):
 *   at most PER_ADDRESS failed sign-ins in ADDRESS_WINDOW_MS; after that that address
 *   is refused for a while. A forged X-Forwarded-For does not change the address.
 * - per account: after FREE_FAILURES failures in ACCOUNT_WINDOW_MS, from anywhere, every
 *   attempt at that account waits a delay that doubles with each further failure (capped
 *   at MAX_DELAY_MS). The attempt is then checked as usual: the right password gets in.
 * A successful sign-in clears its account's failures.
 */
export const PER_ADDRESS = 20;
const ADDRESS_WINDOW_MS = 10 * 60_000;
export const FREE_FAILURES = 5;
const ACCOUNT_WINDOW_MS = 15 * 60_000;
const BASE_DELAY_MS = 250;
export const MAX_DELAY_MS = 4_000;

const normal = (email: string) => email.trim().toLowerCase();
const addressKey = (address: string) => `login:addr|${address}`;
const accountKey = (email: string) => `login:acct|${normal(email)}`;

export type LoginGate = { allowed: true; delayMs: number } | { allowed: false; retryAfterSeconds: number };

/** Before checking a password: is this address still allowed, and how long must the attempt wait? */
export async function checkLoginAttempt(email: string, address: string, now = Date.now(), store: LimitStore = limitStore()): Promise<LoginGate> {
  const [byAddress, byAccount] = await Promise.all([
    store.recentEvents(addressKey(address), ADDRESS_WINDOW_MS, now),
    store.recentEvents(accountKey(email), ACCOUNT_WINDOW_MS, now),
  ]);
  if (byAddress.length >= PER_ADDRESS) {
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((byAddress[byAddress.length - PER_ADDRESS] + ADDRESS_WINDOW_MS - now) / 1000)) };
  }
  const extra = byAccount.length - FREE_FAILURES;
  return { allowed: true, delayMs: extra < 0 ? 0 : Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** extra) };
}

export async function recordLoginFailure(email: string, address: string, now = Date.now(), store: LimitStore = limitStore()): Promise<void> {
  await Promise.all([store.addEvent(addressKey(address), ADDRESS_WINDOW_MS, now), store.addEvent(accountKey(email), ACCOUNT_WINDOW_MS, now)]);
}

export async function recordLoginSuccess(email: string, store: LimitStore = limitStore()): Promise<void> {
  await store.clearEvents(accountKey(email));
}
