-- Every dashboard page counts the person's unread notifications for the bell (capped at 100,
-- lib/notifications/list-notifications.ts). Through (user_id, created_at) that count read every
-- notification the person ever had, read or not. This partial index holds only the unread ones,
-- so the count reads at most a hundred entries, and a notification leaves it when it is read.
-- Prisma's schema cannot express a partial index: it lives here only (see CONTRIBUTING).
CREATE INDEX "notifications_unread_idx" ON "notifications" ("user_id") WHERE "read_at" IS NULL;
