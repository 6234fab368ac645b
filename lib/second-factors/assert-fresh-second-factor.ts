import type { UserPrincipal } from "@/lib/auth/principal";
import type { DbOrTx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";

/**
 * How long a second-factor check counts for a step-up (AEGIS_STEP_UP_MAX_AGE_SECONDS, default 5
 * minutes): long enough to work through a few approvals, short enough that a borrowed session
 * cannot wait for one.
 */
const stepUpMaxAgeMs = () => env().AEGIS_STEP_UP_MAX_AGE_SECONDS * 1000;

/**
 * Throws `step_up_required` (403) unless this is a browser session whose second factor was
 * checked in the last five minutes (see above) (by passkey or authenticator app: a recovery code opens
 * sign-in, and only the removal of a lost factor besides). An API key cannot do this (it has no session, and a
 * passkey needs a browser), so it is told where to answer instead.
 */
export async function assertFreshSecondFactor(
  db: DbOrTx,
  principal: UserPrincipal,
  what: string,
  opts: { allowRecoveryCode?: boolean; now?: Date } = {},
): Promise<void> {
  const now = opts.now ?? new Date();
  if (!principal.sessionId) {
    throw new AppError(
      "step_up_required",
      `${what} needs a fresh second factor (passkey or authenticator app): answer it in the dashboard, not with an API key`,
    );
  }
  const factor = await db.sessionFactor.findUnique({ where: { sessionId: principal.sessionId }, select: { verifiedAt: true, userId: true, method: true } });
  const counts = factor && factor.userId === principal.userId && (factor.method !== "recovery_code" || opts.allowRecoveryCode);
  if (!factor || !counts || now.getTime() - factor.verifiedAt.getTime() > stepUpMaxAgeMs()) {
    const has = await db.user.findUnique({ where: { id: principal.userId }, select: { totpEnabledAt: true, _count: { select: { passkeys: true } } } });
    const enrolled = Boolean(has?.totpEnabledAt) || (has?._count.passkeys ?? 0) > 0;
    throw new AppError(
      "step_up_required",
      enrolled
        ? `${what} needs a fresh second factor: confirm with your passkey or authenticator app`
        : `${what} needs a second factor, and you have none: set up a passkey or an authenticator app under Account first`,
    );
  }
}
