import bcrypt from "bcryptjs";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { AppError } from "@/lib/errors/app-error";
import { Prisma } from "@/lib/generated/prisma/client";
import { BCRYPT_COST } from "./create-user";
import { hashLinkToken } from "./user-links";
import { PasswordSchema } from "./user-schemas";

/** Every link that cannot be used (unknown, used, expired, or one it is not for) gets the same answer. */
export const invalidLink = () => new AppError("not_found", "This link is no longer valid. Ask your admin for a new one.");

export async function openLink(db: Db, token: string, now: Date) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const link = await db.userToken.findUnique({ where: { tokenHash: hashLinkToken(token) }, include: { org: { select: { name: true } } } });
  if (!link || link.usedAt || link.expiresAt <= now) return null;
  // An invitation to an email that is someone's already (another organisation's) opens nothing.
  if (link.purpose === "invite" && (await db.user.findUnique({ where: { email: link.email }, select: { id: true } }))) return null;
  if (link.purpose === "reset" && !(await db.user.findFirst({ where: { id: link.userId ?? "", deactivatedAt: null }, select: { id: true } }))) return null;
  return link;
}

/**
 * Uses a link once: an invitation creates the person with the role it names and the password
 * they choose; a reset sets the new password and ends every session of theirs. Either way the
 * link's issuer is recorded as who set the password (the 24-hour rule of approvals), and a
 * guarded update decides two uses at once.
 */
export async function redeemUserLink(db: Db, token: string, password: string, now = new Date()) {
  const passwordHash = await bcrypt.hash(PasswordSchema.parse(password), BCRYPT_COST);
  const link = await openLink(db, token, now);
  if (!link) throw invalidLink();
  const setBy = { passwordHash, passwordChangeRequired: false, passwordSetById: link.createdById, passwordSetAt: now };
  try {
    return await db.$transaction(async (tx) => {
      const { count } = await tx.userToken.updateMany({ where: { id: link.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
      if (count !== 1) throw invalidLink();
      let userId: string;
      if (link.purpose === "invite") {
        userId = newId("usr");
        const role = link.role ?? "viewer";
        await tx.user.create({ data: { id: userId, orgId: link.orgId, email: link.email, name: link.name ?? link.email.split("@")[0], role, ...setBy } });
        await recordAuditEvent(tx, { orgId: link.orgId, actor: "system", action: "user.created", targetId: userId, data: { email: link.email, role } });
      } else {
        userId = link.userId!;
        await tx.user.update({ where: { id: userId }, data: { ...setBy, sessionVersion: { increment: 1 } } });
      }
      await recordAuditEvent(tx, {
        orgId: link.orgId,
        actor: "system",
        action: "user.password_set",
        targetId: userId,
        data: { via: link.purpose as "invite" | "reset" },
      });
      return { email: link.email };
    });
  } catch (e) {
    // Someone took the email between the check and the insert: the link is as good as expired.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw invalidLink();
    throw e;
  }
}
