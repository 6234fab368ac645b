import type { DbOrTx } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";

export type CeremonyPurpose = "register" | "sign_in" | "step_up";
const CHALLENGE_TTL_MS = 5 * 60_000;

/** Keeps the challenge a browser was handed; it counts once, for this purpose (and person), within five minutes. */
export async function rememberChallenge(db: DbOrTx, challenge: string, purpose: CeremonyPurpose, userId: string | null): Promise<void> {
  const now = new Date();
  // Old unused challenges go with each new one: the table stays as small as the ceremonies in flight.
  await db.webauthnChallenge.deleteMany({ where: { expiresAt: { lt: now } } });
  await db.webauthnChallenge.create({ data: { id: newId("wch"), challenge, purpose, userId, expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS) } });
}

/** Uses a challenge up: true only for the first caller, only while fresh and for its purpose (a guarded delete decides races). */
export async function consumeChallenge(db: DbOrTx, challenge: string, purpose: CeremonyPurpose, userId: string | null): Promise<boolean> {
  const { count } = await db.webauthnChallenge.deleteMany({
    where: { challenge, purpose, expiresAt: { gt: new Date() }, ...(userId ? { userId } : {}) },
  });
  return count === 1;
}
