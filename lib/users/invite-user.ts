import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { UserPrincipal } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { assertCan } from "@/lib/permissions/can";
import { createLink, emailLink, linksAreEmailed, linkUrl } from "./user-links";
import { InviteUserSchema, type InviteUserInput } from "./user-schemas";

export type InviteResult = { email: string; emailed: boolean; link: string | null; expires_in_hours: number };

/**
 * Invites a person by a single-use link (issue 17, item 2): emailed to them when SMTP is set,
 * otherwise shown to the admin once. Nobody types or sees a password for them; they choose
 * it through the link, and the account exists from then on.
 *
 * An email of someone in this organisation is a conflict. An email that belongs to another
 * organisation is answered exactly like a new one (reveals nothing): no email goes out, and
 * the link, when used, says only that it is no longer valid, as an expired one does.
 */
export async function inviteUser(db: Db, principal: UserPrincipal, input: InviteUserInput): Promise<InviteResult> {
  assertCan(principal, "user.create", { orgId: principal.orgId });
  const data = InviteUserSchema.parse(input);
  const existing = await db.user.findUnique({ where: { email: data.email }, select: { orgId: true } });
  if (existing?.orgId === principal.orgId) throw new AppError("conflict", `${data.email} is already a member of this organisation`);
  const org = await db.organization.findUniqueOrThrow({ where: { id: principal.orgId }, select: { name: true } });
  const emailed = linksAreEmailed();
  const link = await db.$transaction(async (tx) => {
    // A new invitation replaces an open one for the same email.
    await tx.userToken.updateMany({ where: { orgId: principal.orgId, email: data.email, purpose: "invite", usedAt: null }, data: { usedAt: new Date() } });
    const created = await createLink(tx, {
      orgId: principal.orgId,
      purpose: "invite",
      email: data.email,
      role: data.role,
      name: data.name || null,
      createdById: principal.userId,
    });
    await recordAuditEvent(tx, {
      orgId: principal.orgId,
      actor: principal,
      action: "user.invited",
      targetId: created.id,
      data: { email: data.email, role: data.role, emailed },
    });
    return created;
  });
  if (emailed && !existing) await sendOrWithdraw(db, link.id, () => emailLink(data.email, "invite", org.name, link.token));
  return { email: data.email, emailed, link: emailed ? null : linkUrl(link.token), expires_in_hours: 7 * 24 };
}

/** A link that could not be emailed is withdrawn: with SMTP set, the admin never holds one. */
export async function sendOrWithdraw(db: Db, linkId: string, send: () => Promise<void>): Promise<void> {
  try {
    await send();
  } catch (e) {
    await db.userToken.update({ where: { id: linkId }, data: { usedAt: new Date() } });
    console.warn("[users] a link email failed:", (e as Error).message);
    throw new AppError("unavailable", "The email could not be sent; nothing was changed. Try again later.");
  }
}
