import type { Db } from "@/lib/db/client";
import { checkpointDigestLine } from "@/lib/audit/checkpoint-digest-line";
import { sendEmail } from "./mailer";
import { notificationConfig } from "./notification-config";

const DIGESTS_PER_TICK = 50;
/** How long a digest that failed to send waits before the next attempt. */
export const DIGEST_RETRY_MS = 15 * 60_000;

/**
 * One email per person who chose the digest, at most once per `digestEveryMs`, listing what
 * collected since the last one, and ending with the organisation's newest signed audit
 * checkpoint (a witness outside our database). Admins who chose the digest get it for a new
 * checkpoint alone too. The guarded update on the person's settings row decides which instance
 * sends it.
 */
export async function sendNotificationDigests(db: Db, now = new Date()): Promise<number> {
  const cfg = notificationConfig();
  if (!cfg.smtpUrl) return 0;
  const dueBefore = new Date(now.getTime() - cfg.digestEveryMs);
  // Everyone due with something to send, longest waiting first: a batch of people not yet due
  // can never hold back one who is, and nobody waits behind newer arrivals.
  const due = await db.$queryRaw<{ userId: string }[]>`
    SELECT s.user_id AS "userId" FROM notification_settings s JOIN users u ON u.id = s.user_id
    WHERE u.deactivated_at IS NULL AND (s.last_digest_at IS NULL OR s.last_digest_at <= ${dueBefore})
      AND (EXISTS (SELECT 1 FROM notifications n WHERE n.email_status = 'digest' AND n.user_id = s.user_id)
        OR (s.preference = 'digest' AND u.role = 'admin'
          AND EXISTS (SELECT 1 FROM audit_checkpoints c WHERE c.org_id = u.org_id AND c.created_at > COALESCE(s.last_digest_at, 'epoch'::timestamp))))
    ORDER BY s.last_digest_at ASC NULLS FIRST, s.user_id
    LIMIT ${DIGESTS_PER_TICK}`;
  let sent = 0;
  for (const { userId } of due) {
    const settings = await db.notificationSettings.findUnique({ where: { userId } });
    const claimed = await db.notificationSettings.updateMany({
      where: { userId, OR: [{ lastDigestAt: null }, { lastDigestAt: { lte: dueBefore } }] },
      data: { lastDigestAt: now },
    });
    if (claimed.count === 0) continue;
    const items = await db.notification.findMany({ where: { userId, emailStatus: "digest" }, orderBy: { createdAt: "asc" } });
    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    const checkpoint = await db.auditCheckpoint.findFirst({ where: { orgId: user.orgId }, orderBy: [{ seq: "desc" }, { createdAt: "desc" }] });
    const fresh = checkpoint && (!settings?.lastDigestAt || checkpoint.createdAt > settings.lastDigestAt);
    if (items.length === 0 && !fresh) continue;
    const text = items.map((n) => `• ${n.title}\n  ${n.body.replace(/\n/g, "\n  ")}\n  ${cfg.publicUrl}${n.link}`).join("\n\n");
    const witness = checkpoint ? `${text ? "\n\n" : ""}${checkpointDigestLine(checkpoint)}` : "";
    const subject = items.length ? `${items.length} notification${items.length === 1 ? "" : "s"}` : "audit checkpoint";
    try {
      await sendEmail(user.email, `AegisOS Comply digest: ${subject}`, `Hello ${user.name},\n\n${text}${witness}\n`);
      await db.notification.updateMany({ where: { id: { in: items.map((n) => n.id) } }, data: { emailStatus: "sent", emailedAt: new Date() } });
      sent++;
    } catch (e) {
      console.warn(`[notifications] digest to ${user.email} failed:`, (e as Error).message);
      // Tried again after a pause, not on every tick: a relay that refuses one address must not
      // take a connection attempt per tick for as long as it refuses.
      const retryAt = new Date(Math.min(now.getTime(), dueBefore.getTime() + DIGEST_RETRY_MS));
      await db.notificationSettings.update({ where: { userId }, data: { lastDigestAt: retryAt } });
    }
  }
  return sent;
}
