import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { UserPrincipal } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import { assertCan } from "@/lib/permissions/can";
import { sendOrWithdraw } from "./invite-user";
import { createLink, emailLink, linksAreEmailed, linkUrl } from "./user-links";

/**
 * An admin resets someone's password by issuing a single-use link (24 hours): emailed to the
 * person when SMTP is set, else shown to the admin once. The admin never sees or chooses the
 * password. The old password works until the link is used. Whoever issued it counts as having
 * chosen the new password for 24 hours (lib/approvals: that person cannot be the second
 * approver of what the admin approved).
 */
export async function issuePasswordReset(db: Db, principal: UserPrincipal, input: { userId: string }) {
  const user = await db.user.findFirst({ where: { id: input.userId, orgId: principal.orgId } });
  if (!user) throw notFound("User");
  assertCan(principal, "user.update", { orgId: user.orgId });
  if (user.deactivatedAt) throw new AppError("conflict", "This person is deactivated");
  const org = await db.organization.findUniqueOrThrow({ where: { id: principal.orgId }, select: { name: true } });
  const emailed = linksAreEmailed();
  const link = await db.$transaction(async (tx) => {
    await tx.userToken.updateMany({ where: { userId: user.id, purpose: "reset", usedAt: null }, data: { usedAt: new Date() } });
    const created = await createLink(tx, { orgId: user.orgId, purpose: "reset", email: user.email, userId: user.id, createdById: principal.userId });
    await recordAuditEvent(tx, { orgId: user.orgId, actor: principal, action: "user.password_reset_issued", targetId: user.id, data: { emailed } });
    return created;
  });
  if (emailed) await sendOrWithdraw(db, link.id, () => emailLink(user.email, "reset", org.name, link.token));
  return { email: user.email, emailed, link: emailed ? null : linkUrl(link.token), expires_in_hours: 24 };
}
