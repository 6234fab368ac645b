import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import { assertCan } from "@/lib/permissions/can";

/**
 * The operator's way back in for someone who lost every second factor and their recovery
 * codes (`npm run aegis -- user factors-reset`): their passkeys, authenticator app and
 * recovery codes are removed and every session ends. The CLI only: an admin in the dashboard
 * could otherwise strip the factor that keeps them out of someone else's account.
 */
export async function resetSecondFactors(db: Db, actor: "system", input: { email: string }) {
  const user = await db.user.findUnique({ where: { email: input.email.trim().toLowerCase() }, include: { passkeys: { select: { name: true } } } });
  if (!user) throw notFound("User");
  assertCan(actor, "user.update", { orgId: user.orgId });
  await db.$transaction(async (tx) => {
    await tx.passkey.deleteMany({ where: { userId: user.id } });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.sessionFactor.deleteMany({ where: { userId: user.id } });
    await tx.user.update({ where: { id: user.id }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null, sessionVersion: { increment: 1 } } });
    if (user.totpEnabledAt)
      await recordAuditEvent(tx, { orgId: user.orgId, actor, action: "user.second_factor_removed", targetId: user.id, data: { method: "totp" } });
    for (const p of user.passkeys) {
      await recordAuditEvent(tx, {
        orgId: user.orgId,
        actor,
        action: "user.second_factor_removed",
        targetId: user.id,
        data: { method: "passkey", name: p.name },
      });
    }
  });
  return { email: user.email, removed: { passkeys: user.passkeys.length, totp: user.totpEnabledAt !== null } };
}
