import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { UserPrincipal } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { assertCan } from "@/lib/permissions/can";

export type PendingInvitation = {
  id: string;
  email: string;
  name: string | null;
  role: string | null;
  invitedBy: string | null;
  createdAt: string;
  expiresAt: string;
};

/**
 * Invitations sent and not yet redeemed, withdrawn or expired: an invited person has no
 * account until they choose a password, so without this list an admin could not see who
 * still holds a live link, nor take one back. Oldest first (the ones most likely forgotten).
 */
export async function listPendingInvitations(db: Db, principal: UserPrincipal, now = new Date()): Promise<PendingInvitation[]> {
  assertCan(principal, "user.create", { orgId: principal.orgId });
  const rows = await db.userToken.findMany({
    where: { orgId: principal.orgId, purpose: "invite", usedAt: null, expiresAt: { gt: now } },
    select: { id: true, email: true, name: true, role: true, createdById: true, createdAt: true, expiresAt: true },
    orderBy: { createdAt: "asc" },
    take: 200,
  });
  const issuers = await db.user.findMany({
    where: { orgId: principal.orgId, id: { in: [...new Set(rows.flatMap((r) => (r.createdById ? [r.createdById] : [])))] } },
    select: { id: true, name: true },
  });
  const nameOf = new Map(issuers.map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    // null: issued by the operator's CLI, which has no person behind it.
    invitedBy: r.createdById ? (nameOf.get(r.createdById) ?? null) : null,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
  }));
}

/**
 * Takes an invitation back: its link stops working at once (it is marked used, the one way
 * a link ends). Another organisation's invitation, or one already redeemed, is not found.
 */
export async function revokeInvitation(db: Db, principal: UserPrincipal, invitationId: string, now = new Date()): Promise<{ email: string }> {
  assertCan(principal, "user.create", { orgId: principal.orgId });
  return db.$transaction(async (tx) => {
    const link = await tx.userToken.findFirst({
      where: { id: invitationId, orgId: principal.orgId, purpose: "invite", usedAt: null, expiresAt: { gt: now } },
      select: { id: true, email: true },
    });
    if (!link) throw new AppError("not_found", "No open invitation with that id");
    // Conditional on still being open: a redemption racing this revocation wins or loses whole.
    const { count } = await tx.userToken.updateMany({ where: { id: link.id, usedAt: null }, data: { usedAt: now } });
    if (count === 0) throw new AppError("not_found", "No open invitation with that id");
    await recordAuditEvent(tx, { orgId: principal.orgId, actor: principal, action: "user.invitation_revoked", targetId: link.id, data: { email: link.email } });
    return { email: link.email };
  });
}
