import type { UserPrincipal } from "@/lib/auth/principal";
import type { DbOrTx } from "@/lib/db/client";

export type FactorMethod = "passkey" | "totp" | "recovery_code";

/** Notes that this browser session just proved a second factor (sign-in or step-up); the time is what step-up asks about. */
export async function recordSessionFactor(db: DbOrTx, who: Pick<UserPrincipal, "userId" | "sessionId">, method: FactorMethod, at = new Date()): Promise<void> {
  if (!who.sessionId) return;
  await db.sessionFactor.upsert({
    where: { sessionId: who.sessionId },
    create: { sessionId: who.sessionId, userId: who.userId, method, verifiedAt: at },
    update: { method, verifiedAt: at },
  });
}
