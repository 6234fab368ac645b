import type { UserPrincipal } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { assertFreshSecondFactor } from "./assert-fresh-second-factor";
import { issueRecoveryCodes } from "./issue-recovery-codes";

/** Ten new recovery codes for a person with a second factor (the old ones stop working); needs a fresh check. */
export async function regenerateRecoveryCodes(db: Db, principal: UserPrincipal): Promise<string[]> {
  await assertFreshSecondFactor(db, principal, "New recovery codes");
  const user = await db.user.findUniqueOrThrow({ where: { id: principal.userId }, select: { totpEnabledAt: true, _count: { select: { passkeys: true } } } });
  if (!user.totpEnabledAt && user._count.passkeys === 0) throw new AppError("conflict", "Set up a passkey or an authenticator app first");
  return db.$transaction((tx) => issueRecoveryCodes(tx, principal));
}
