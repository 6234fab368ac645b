import type { DbOrTx } from "@/lib/db/client";

/** Marks one of the person's notifications read, or all of them; someone else's id matches nothing. */
export async function markNotificationsRead(db: DbOrTx, userId: string, id?: string) {
  const { count } = await db.notification.updateMany({ where: { userId, readAt: null, ...(id ? { id } : {}) }, data: { readAt: new Date() } });
  return count;
}
