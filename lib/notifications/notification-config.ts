import { env, publicUrl, type Env } from "@/lib/env";

/** Email and link settings for notifications, read from the environment on each use. */
export const notificationConfig = (e: Env = env()) => ({
  smtpUrl: e.SMTP_URL ?? null,
  from: e.AEGIS_EMAIL_FROM,
  publicUrl: publicUrl(e),
  /** A reminder goes out when an approval has at most this long left (and is past half its life). */
  reminderBeforeMs: e.AEGIS_APPROVAL_REMINDER_BEFORE_MS,
  digestEveryMs: e.AEGIS_NOTIFICATION_DIGEST_EVERY_MS,
  /** Wall-clock deadline of one email, from connecting to the relay's last answer. */
  timeoutMs: e.AEGIS_EMAIL_TIMEOUT_MS,
});

export const NOTIFICATION_KINDS = [
  "approval_requested",
  "approval_reminder",
  "webhook_endpoint_disabled",
  "wallet_low_balance",
  "approval_question",
  "card_capture_after_settlement",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
