import type { DbOrTx } from "@/lib/db/client";

/** Sign-out: the session version moves on, so a copied cookie of the old session is refused too. */
export async function endUserSessions(db: DbOrTx, userId: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
