import type { DbOrTx } from "@/lib/db/client";

/** How long a password set through someone's link ties the two people together. */
export const RESET_TIE_MS = 24 * 3_600_000;

/**
 * The people tied to `userId` by a password set in the last 24 hours through a link one of
 * them issued (a reset or an invitation): whoever issued the link of `userId`'s current
 * password, and everyone whose current password came from a link `userId` issued. The
 * issuer could have chosen that password and signed in as them, so the two never make up
 * two approvers of one approval (the "approval.answer" rule of lib/permissions/can.ts).
 */
export async function loadResetTies(db: DbOrTx, orgId: string, userId: string, now = new Date()): Promise<string[]> {
  const since = new Date(now.getTime() - RESET_TIE_MS);
  const rows = await db.user.findMany({
    where: {
      orgId,
      passwordSetAt: { gt: since },
      OR: [
        { id: userId, passwordSetById: { not: null } },
        { passwordSetById: userId, id: { not: userId } },
      ],
    },
    select: { id: true, passwordSetById: true },
  });
  const ties = rows.map((r) => (r.id === userId ? r.passwordSetById! : r.id)).filter((id) => id !== userId);
  return [...new Set(ties)];
}
