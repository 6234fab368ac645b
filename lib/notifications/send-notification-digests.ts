import type { Db } from "@/lib/db/client";
import { sendEmail } from "./mailer";
import { notificationConfig } from "./notification-config";

/**
 * One email per person who chose the digest, at most once per `digestEveryMs`, listing what
 * collected since the last one. The guarded update on the person's settings row decides
 * which instance sends it.
 */
export async function sendNotificationDigests(db: Db, now = new Date()): Promise<number> {
  const cfg = notificationConfig();
  if (!cfg.smtpUrl) return 0;
  const dueBefore = new Date(now.getTime() - cfg.digestEveryMs);
  const waiting = await db.notification.findMany({
    where: { emailStatus: "digest", user: { deactivatedAt: null } },
    distinct: ["userId"],
    select: { userId: true },
    take: 50,
  });
  let sent = 0;
  for (const { userId } of waiting) {
    const settings = await db.notificationSettings.findUnique({ where: { userId } });
    const claimed = await db.notificationSettings.updateMany({
      where: { userId, OR: [{ lastDigestAt: null }, { lastDigestAt: { lte: dueBefore } }] },
      data: { lastDigestAt: now },
    });
    if (claimed.count === 0) continue;
    const items = await db.notification.findMany({ where: { userId, emailStatus: "digest" }, orderBy: { createdAt: "asc" }, include: { user: true } });
    if (items.length === 0) continue;
    const user = items[0].user;
    const text = items.map((n) => `• ${n.title}\n  ${n.body.replace(/\n/g, "\n  ")}\n  ${cfg.publicUrl}${n.link}`).join("\n\n");
    try {
      await sendEmail(user.email, `AegisOS Comply digest: ${items.length} notification${items.length === 1 ? "" : "s"}`, `Hello ${user.name},\n\n${text}\n`);
      await db.notification.updateMany({ where: { id: { in: items.map((n) => n.id) } }, data: { emailStatus: "sent", emailedAt: new Date() } });
      sent++;
    } catch (e) {
      console.warn(`[notifications] digest to ${user.email} failed:`, (e as Error).message);
      await db.notificationSettings.update({ where: { userId }, data: { lastDigestAt: settings?.lastDigestAt ?? null } });
    }
  }
  return sent;
}
