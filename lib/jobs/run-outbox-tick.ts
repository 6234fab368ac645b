import { getDb } from "@/lib/db/client";
import { remindApprovers } from "@/lib/notifications/remind-approvers";
import { sendNotificationDigests } from "@/lib/notifications/send-notification-digests";
import { sendNotificationEmails } from "@/lib/notifications/send-notification-emails";
import { deliverDueWebhooks } from "@/lib/webhooks/deliver-due-webhooks";
import { webhookConfig } from "@/lib/webhooks/webhook-config";
import { FairPool, type Turn } from "./fair-pool";

type Lane = { pool: FairPool; turn: Turn; pumping: boolean; again: boolean };
type Outbox = { webhooks: Lane; emails: Lane; ticking: boolean };

/** One outbox per process (on globalThis: several bundles in one process share it). */
const outbox: Outbox = ((globalThis as { __aegisOutbox2?: Outbox }).__aegisOutbox2 ??= {
  webhooks: lane(() => pump("webhooks")),
  emails: lane(() => pump("emails")),
  ticking: false,
});

function lane(onFinish: () => void): Lane {
  return { pool: new FairPool(() => webhookConfig().concurrency, onFinish), turn: {}, pumping: false, again: false };
}

/**
 * Claims and starts deliveries while there is room and due work. Never runs twice at once per
 * lane; a call while it runs (a delivery finished) makes it go round once more, so a freed slot
 * is refilled at once instead of at the next poll.
 */
async function pump(name: "webhooks" | "emails"): Promise<void> {
  const l = outbox[name];
  if (l.pumping) {
    l.again = true;
    return;
  }
  l.pumping = true;
  try {
    const db = await getDb();
    do {
      l.again = false;
      while ((name === "webhooks" ? await deliverDueWebhooks(db, l.pool, l.turn) : await sendNotificationEmails(db, l.pool, l.turn)) > 0);
    } while (l.again);
  } catch (e) {
    console.error(`[outbox] ${name} pass failed:`, (e as Error).message);
  } finally {
    l.pumping = false;
  }
}

/**
 * The frequent pass (every AEGIS_WEBHOOK_POLL_MS, 1 s by default): start due webhook
 * deliveries and emails (they run in the background, side by side, capped per organisation:
 * lib/jobs/fair-pool.ts), then reminders and digests. When idle it costs a few indexed
 * queries. Other instances coordinate through SKIP LOCKED and guarded updates.
 */
export async function runOutboxTick(): Promise<void> {
  if (outbox.ticking) return;
  outbox.ticking = true;
  try {
    await Promise.all([pump("webhooks"), pump("emails")]);
    const db = await getDb();
    await remindApprovers(db);
    await sendNotificationDigests(db);
  } catch (e) {
    console.error("[outbox] pass failed:", (e as Error).message);
  } finally {
    outbox.ticking = false;
  }
}
