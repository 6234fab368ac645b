import type { DbOrTx } from "@/lib/db/client";

/** A person's notifications, newest first (the bell's page), and how many are unread. */
export async function listNotifications(db: DbOrTx, userId: string, limit = 50) {
  const [items, unread] = await Promise.all([
    db.notification.findMany({ where: { userId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit }),
    countUnreadNotifications(db, userId),
  ]);
  return { items, unread };
}

export function countUnreadNotifications(db: DbOrTx, userId: string) {
  return db.notification.count({ where: { userId, readAt: null } });
}
