import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { shareOut, type FairPool, type Turn } from "@/lib/jobs/fair-pool";
import { sendEmail } from "./mailer";
import { notificationConfig } from "./notification-config";

type Claimed = { id: string; orgId: string; userId: string; title: string; body: string; link: string; emailAttempts: number };
const LEASE_MS = 5 * 60_000;
const MAX_ATTEMPTS = 5;

/**
 * Emails notifications waiting to go out at once. Rows are claimed by one statement with
 * SKIP LOCKED and a lease (no transaction open while talking SMTP), at most each
 * organisation's room in `pool`, and sent side by side there, each within its deadline
 * (lib/notifications/mailer.ts). A failed send keeps its claim, so it is retried when the
 * lease ends (5 min later), up to 5 times, and a dead mail server never holds up newer mail.
 * Does nothing without SMTP_URL. A person deactivated after the row was written gets nothing
 * (deactivation also marks their waiting mail skipped). Returns how many sends it started.
 */
export async function sendNotificationEmails(db: Db, pool: FairPool, turn: Turn, now = new Date()): Promise<number> {
  const cfg = notificationConfig();
  if (!cfg.smtpUrl || pool.free() === 0) return 0;
  // A claim whose lease ran out (a failed send, or an instance that died sending) is due again.
  await db.$executeRaw`UPDATE notifications SET email_status = 'pending'
    WHERE email_status = 'sending' AND email_claimed_at < ${new Date(now.getTime() - LEASE_MS)}`;
  const shares = shareOut(pool, await orgsWithPendingEmails(db), turn);
  if (shares.length === 0) return 0;
  const picks = shares.map(
    ({ orgId, n }) => Prisma.sql`ARRAY(SELECT id FROM notifications WHERE email_status = 'pending' AND org_id = ${orgId}
        AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = notifications.user_id AND u.deactivated_at IS NOT NULL)
      ORDER BY created_at LIMIT ${n} FOR UPDATE SKIP LOCKED)`,
  );
  const claimed = await db.$queryRaw<Claimed[]>`
    UPDATE notifications SET email_status = 'sending', email_claimed_at = ${now}, email_attempts = email_attempts + 1
    WHERE id = ANY(${Prisma.join(picks, " || ")})
    RETURNING id, org_id AS "orgId", user_id AS "userId", title, body, link, email_attempts AS "emailAttempts"`;
  for (const n of claimed) pool.start(n.orgId, () => sendOne(db, n), `email ${n.id}`);
  return claimed.length;
}

/** Organisations with email waiting, by a skip scan of (email_status, org_id, created_at). */
async function orgsWithPendingEmails(db: Db): Promise<string[]> {
  const rows = await db.$queryRaw<{ org_id: string }[]>`
    WITH RECURSIVE orgs(org_id) AS (
      (SELECT org_id FROM notifications WHERE email_status = 'pending' ORDER BY org_id LIMIT 1)
      UNION ALL
      SELECT (SELECT n.org_id FROM notifications n WHERE n.email_status = 'pending' AND n.org_id > orgs.org_id ORDER BY n.org_id LIMIT 1)
      FROM orgs WHERE orgs.org_id IS NOT NULL)
    SELECT org_id FROM orgs WHERE org_id IS NOT NULL`;
  return rows.map((r) => r.org_id);
}

async function sendOne(db: Db, n: Claimed): Promise<void> {
  const cfg = notificationConfig();
  const user = await db.user.findUniqueOrThrow({ where: { id: n.userId }, select: { email: true, name: true } });
  try {
    await sendEmail(
      user.email,
      n.title,
      `Hello ${user.name},\n\n${n.body}\n\nOpen it: ${cfg.publicUrl}${n.link}\n\n— AegisOS Comply (change what you receive under Notifications in the dashboard)`,
    );
    await db.notification.update({ where: { id: n.id }, data: { emailStatus: "sent", emailedAt: new Date() } });
  } catch (e) {
    console.warn(`[notifications] email to ${user.email} failed:`, (e as Error).message);
    if (n.emailAttempts >= MAX_ATTEMPTS) await db.notification.update({ where: { id: n.id }, data: { emailStatus: "failed" } });
  }
}
