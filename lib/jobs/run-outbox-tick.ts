import { getDb } from "@/lib/db/client";
import { remindApprovers } from "@/lib/notifications/remind-approvers";
import { sendNotificationDigests } from "@/lib/notifications/send-notification-digests";
import { sendNotificationEmails } from "@/lib/notifications/send-notification-emails";
import { deliverDueWebhooks } from "@/lib/webhooks/deliver-due-webhooks";

/**
 * The frequent pass (every AEGIS_WEBHOOK_POLL_MS, 1 s by default): deliver due webhooks,
 * then reminders, emails and digests. When idle it costs a few indexed queries. A pass
 * never overlaps the previous one in this process; other instances coordinate through
 * SKIP LOCKED and guarded updates.
 */
export async function runOutboxTick(): Promise<void> {
  const db = await getDb();
  for (let n = -1, rounds = 0; n !== 0 && rounds < 10; rounds++) n = await deliverDueWebhooks(db);
  await remindApprovers(db);
  await sendNotificationEmails(db);
  await sendNotificationDigests(db);
}
