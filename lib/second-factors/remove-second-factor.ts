import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { UserPrincipal } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import { assertFreshSecondFactor } from "./assert-fresh-second-factor";

/**
 * Removes one of the signed-in person's own second factors. It needs a fresh check (a stolen
 * session must not strip the factor that protects the account; a recovery code counts here,
 * for a lost device), and where the organisation requires a second factor of admins and
 * approvers, never their last one.
 */
export async function removeSecondFactor(db: Db, principal: UserPrincipal, which: { method: "totp" } | { method: "passkey"; id: string }) {
  await assertFreshSecondFactor(db, principal, "Removing a second factor", { allowRecoveryCode: true });
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM users WHERE id = ${principal.userId} FOR UPDATE`;
    const user = await tx.user.findUniqueOrThrow({
      where: { id: principal.userId },
      include: { org: { select: { requireSecondFactor: true } }, passkeys: { select: { id: true, name: true } } },
    });
    const passkey = which.method === "passkey" ? user.passkeys.find((p) => p.id === which.id) : null;
    if (which.method === "passkey" && !passkey) throw notFound("Passkey");
    if (which.method === "totp" && !user.totpEnabledAt) throw notFound("Authenticator app");
    const left = user.passkeys.length + (user.totpEnabledAt ? 1 : 0) - 1;
    if (left === 0 && user.org.requireSecondFactor && user.role !== "viewer") {
      throw new AppError("conflict", "Your organisation requires a second factor: add another one before removing this one");
    }
    if (passkey) await tx.passkey.delete({ where: { id: passkey.id } });
    else await tx.user.update({ where: { id: user.id }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } });
    if (left === 0) await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await recordAuditEvent(tx, {
      orgId: principal.orgId,
      actor: principal,
      action: "user.second_factor_removed",
      targetId: user.id,
      data: passkey ? { method: "passkey", name: passkey.name } : { method: "totp" },
    });
    return { removed: which.method };
  });
}
