import bcrypt from "bcryptjs";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { UserPrincipal } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { BCRYPT_COST } from "./create-user";
import { PasswordSchema } from "./user-schemas";

/**
 * A person changes their own password (also the forced change after one someone else set).
 * The current one must be given; the new one must differ from it. Every session ends,
 * this one included: the dashboard signs in again with the new password.
 */
export async function changeOwnPassword(db: Db, principal: UserPrincipal, input: { current: string; next: string }) {
  const next = PasswordSchema.parse(input.next);
  const user = await db.user.findUniqueOrThrow({ where: { id: principal.userId } });
  if (!user.passwordHash || !(await bcrypt.compare(input.current, user.passwordHash))) {
    throw new AppError("validation_error", "Your current password is not right", [{ field: "current", issue: "wrong password" }]);
  }
  if (await bcrypt.compare(next, user.passwordHash)) {
    throw new AppError("validation_error", "Choose a password different from the current one", [{ field: "next", issue: "same as the current one" }]);
  }
  const passwordHash = await bcrypt.hash(next, BCRYPT_COST);
  await db.$transaction(async (tx) => {
    // Guarded on the hash just checked: of two changes at once, one wins.
    const { count } = await tx.user.updateMany({
      where: { id: user.id, passwordHash: user.passwordHash },
      data: { passwordHash, passwordChangeRequired: false, passwordSetById: user.id, passwordSetAt: new Date(), sessionVersion: { increment: 1 } },
    });
    if (count !== 1) throw new AppError("conflict", "Your password was changed meanwhile; sign in again");
    await recordAuditEvent(tx, { orgId: user.orgId, actor: principal, action: "user.password_set", targetId: user.id, data: { via: "self" } });
  });
  return { email: user.email };
}
