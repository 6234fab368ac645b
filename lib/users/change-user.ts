import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditData } from "@/lib/audit/audit-actions";
import type { Actor } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import type { Prisma, User } from "@/lib/generated/prisma/client";
import { assertCan } from "@/lib/permissions/can";
import { userView } from "./create-user";

type UserChange = "user.password_changed" | "user.role_changed" | "user.deactivated";

/**
 * The one way a user's sign-in rights change (password, role, deactivation): the change,
 * a bumped session version (every open session and copied cookie stops working) and the
 * audit row, in one transaction. Managing users is an admin's (or the CLI's) business.
 */
export async function changeUser<A extends UserChange>(
  db: Db,
  actor: Actor,
  email: string,
  change: { data: Prisma.UserUpdateInput; action: A; audit: AuditData<A> },
) {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!user) throw notFound("User");
  assertCan(actor, "user.create", { orgId: user.orgId });
  const updated: User = await db.$transaction(async (tx) => {
    const row = await tx.user.update({ where: { id: user.id }, data: { ...change.data, sessionVersion: { increment: 1 } } });
    await recordAuditEvent(tx, { orgId: user.orgId, actor, action: change.action, targetId: user.id, data: change.audit });
    return row;
  });
  return userView(updated);
}
