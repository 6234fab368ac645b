import type { Db } from "@/lib/db/client";
import { sendEmail } from "./mailer";
import { notificationConfig } from "./notification-config";

type Claimed = { id: string; userId: string; title: string; body: string; link: string; emailAttempts: number };
const LEASE_MS = 5 * 60_000;
const MAX_ATTEMPTS = 5;

/**
 * Emails notifications waiting to go out at once. Rows are claimed by one statement with
 * SKIP LOCKED and a lease (no transaction open while talking SMTP). A failed send keeps its
 * claim, so it is retried when the lease ends (5 min later), up to 5 times, and a dead mail
 * server never holds up newer mail. Does nothing without SMTP_URL. A person deactivated after
 * the row was written gets nothing (deactivation also marks their waiting mail skipped).
 */
export async function sendNotificationEmails(db: Db, now = new Date(), batch = 20): Promise<number> {
  const cfg = notificationConfig();
  if (!cfg.smtpUrl) return 0;
  const staleClaim = new Date(now.getTime() - LEASE_MS);
  const claimed = await db.$queryRaw<Claimed[]>`
    UPDATE notifications SET email_status = 'sending', email_claimed_at = ${now}, email_attempts = email_attempts + 1
    WHERE id IN (
      SELECT id FROM notifications
      WHERE (email_status = 'pending' OR (email_status = 'sending' AND email_claimed_at < ${staleClaim}))
        AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = notifications.user_id AND u.deactivated_at IS NOT NULL)
      ORDER BY created_at LIMIT ${batch} FOR UPDATE SKIP LOCKED)
    RETURNING id, user_id AS "userId", title, body, link, email_attempts AS "emailAttempts"`;
  if (claimed.length === 0) return 0;
  const users = await db.user.findMany({ where: { id: { in: [...new Set(claimed.map((c) => c.userId))] } }, select: { id: true, email: true, name: true } });
  let sent = 0;
  for (const n of claimed) {
    const user = users.find((u) => u.id === n.userId)!;
    try {
      await sendEmail(
        user.email,
        n.title,
        `Hello ${user.name},\n\n${n.body}\n\nOpen it: ${cfg.publicUrl}${n.link}\n\n— AegisOS Comply (change what you receive under Notifications in the dashboard)`,
      );
      await db.notification.update({ where: { id: n.id }, data: { emailStatus: "sent", emailedAt: new Date() } });
      sent++;
    } catch (e) {
      console.warn(`[notifications] email to ${user.email} failed:`, (e as Error).message);
      if (n.emailAttempts >= MAX_ATTEMPTS) await db.notification.update({ where: { id: n.id }, data: { emailStatus: "failed" } });
    }
  }
  return sent;
}
