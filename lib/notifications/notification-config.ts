/** Email and link settings for notifications, read from the environment on each use. */
export const notificationConfig = () => ({
  smtpUrl: process.env.SMTP_URL?.trim() || null,
  from: process.env.AEGIS_EMAIL_FROM?.trim() || "AegisOS Comply <no-reply@aegis.localhost>",
  publicUrl: (process.env.AEGIS_PUBLIC_URL ?? process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, ""),
  /** A reminder goes out when an approval has at most this long left (and is past half its life). */
  reminderBeforeMs: Number(process.env.AEGIS_APPROVAL_REMINDER_BEFORE_MS) || 12 * 3_600_000,
  digestEveryMs: Number(process.env.AEGIS_NOTIFICATION_DIGEST_EVERY_MS) || 24 * 3_600_000,
});

export const NOTIFICATION_KINDS = ["approval_requested", "approval_reminder", "webhook_endpoint_disabled"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
