import type { UserPrincipal } from "@/lib/auth/principal";
import { sealSecret } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { newTotpSecret, totpUri } from "./totp-codes";

/**
 * A new authenticator-app secret for the signed-in person, kept sealed (lib/crypto/secret-box)
 * and not yet in force: it counts only once they type a code from it (confirmTotpEnrollment).
 * Shown to them once, as the otpauth:// link and as text.
 */
export async function startTotpEnrollment(db: Db, principal: UserPrincipal): Promise<{ secret: string; uri: string }> {
  const secret = newTotpSecret();
  const { count } = await db.user.updateMany({
    where: { id: principal.userId, totpEnabledAt: null },
    data: { totpSecret: sealSecret(secret), totpLastStep: null },
  });
  if (count === 0) throw new AppError("conflict", "An authenticator app is already set up; remove it first to set up another");
  return { secret, uri: totpUri(principal.email, secret) };
}
