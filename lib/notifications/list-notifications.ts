import type { DbOrTx } from "@/lib/db/client";

/**
 * Counting unread notifications stops here: the bell shows "99+". Every dashboard page counts
 * them (the layout's bell), and a person who never opens the list collects one per approval they
 * could answer, so an exact count would grow with history (10,008 rows a page at ten million
 * intents). The partial index notifications_unread_idx holds only the unread ones.
 */
export const UNREAD_COUNT_CAP = 100;

/** The unread count as the bell and the list show it. */
export const shownUnread = (n: number) => (n >= UNREAD_COUNT_CAP ? `${UNREAD_COUNT_CAP - 1}+` : String(n));

/** A person's notifications, newest first (the bell's page), and how many are unread (capped). */
export async function listNotifications(db: DbOrTx, userId: string, limit = 50) {
  const [items, unread] = await Promise.all([
    db.notification.findMany({ where: { userId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit }),
    countUnreadNotifications(db, userId),
  ]);
  return { items, unread };
}

/** How many of a person's notifications are unread, reading at most UNREAD_COUNT_CAP of them. */
export function countUnreadNotifications(db: DbOrTx, userId: string) {
  return db.notification.count({ where: { userId, readAt: null }, take: UNREAD_COUNT_CAP });
}
