import type { UserPrincipal } from "@/lib/auth/principal";
import { openSecret } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { checkTotp } from "./totp-codes";
import { issueRecoveryCodes } from "./issue-recovery-codes";
import { recordSessionFactor } from "./record-session-factor";

/**
 * Puts the pending authenticator-app secret in force once the person typed a valid code
 * from it, and hands out recovery codes (first factor set up: ten new ones). The code
 * proved the factor, so this session counts as checked.
 */
export async function confirmTotpEnrollment(db: Db, principal: UserPrincipal, code: string): Promise<{ recoveryCodes: string[] }> {
  const user = await db.user.findUniqueOrThrow({ where: { id: principal.userId }, select: { totpSecret: true, totpEnabledAt: true } });
  if (user.totpEnabledAt) throw new AppError("conflict", "An authenticator app is already set up");
  if (!user.totpSecret) throw new AppError("conflict", "Start setting up the authenticator app first");
  const step = await checkTotp(openSecret(user.totpSecret), code, null);
  if (step === null) throw new AppError("validation_error", "That code is not right; type the current one from the app", [{ field: "code", issue: "invalid" }]);
  return db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: principal.userId, totpEnabledAt: null, totpSecret: user.totpSecret },
      data: { totpEnabledAt: new Date(), totpLastStep: step },
    });
    if (count === 0) throw new AppError("conflict", "The authenticator app was set up meanwhile");
    await recordAuditEvent(tx, {
      orgId: principal.orgId,
      actor: principal,
      action: "user.second_factor_added",
      targetId: principal.userId,
      data: { method: "totp" },
    });
    const hasCodes = (await tx.recoveryCode.count({ where: { userId: principal.userId, usedAt: null } })) > 0;
    await recordSessionFactor(tx, principal, "totp");
    return { recoveryCodes: hasCodes ? [] : await issueRecoveryCodes(tx, principal) };
  });
}
