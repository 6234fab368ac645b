import type { UserPrincipal } from "@/lib/auth/principal";
import type { DbOrTx } from "@/lib/db/client";

/** The signed-in person's own second factors, for the Account page. */
export async function listSecondFactors(db: DbOrTx, principal: UserPrincipal) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: principal.userId },
    select: {
      totpEnabledAt: true,
      passwordHash: true,
      oidcSubject: true,
      passkeys: { select: { id: true, name: true, createdAt: true, lastUsedAt: true }, orderBy: { createdAt: "asc" } },
      _count: { select: { recoveryCodes: { where: { usedAt: null } } } },
      org: { select: { requireSecondFactor: true } },
    },
  });
  return {
    totpEnabledAt: user.totpEnabledAt?.toISOString() ?? null,
    passkeys: user.passkeys.map((p) => ({ id: p.id, name: p.name, createdAt: p.createdAt.toISOString(), lastUsedAt: p.lastUsedAt?.toISOString() ?? null })),
    recoveryCodesLeft: user._count.recoveryCodes,
    hasPassword: user.passwordHash !== null,
    singleSignOn: user.oidcSubject !== null,
    required: user.org.requireSecondFactor && principal.role !== "viewer",
  };
}
export type SecondFactors = Awaited<ReturnType<typeof listSecondFactors>>;
