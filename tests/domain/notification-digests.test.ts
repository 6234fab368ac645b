import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { DIGEST_RETRY_MS, sendNotificationDigests } from "@/lib/notifications/send-notification-digests";
import { startSmtpInbox } from "../integration/support/smtp-inbox";
import { createTestDb } from "./support/test-db";
import { seedOrg } from "./support/seed";

// A real SMTP server (smtp-server) on a port of this file's own; the digest reads SMTP_URL on each call.
const SMTP_PORT = Number(process.env.AEGIS_DOMAIN_SMTP_PORT ?? 2600 + (process.pid % 400));
const REFUSED = "refused@digest.test";
let db: Db;
let close: () => Promise<void>;
let inbox: Awaited<ReturnType<typeof startSmtpInbox>>;
let smtpBefore: string | undefined;

beforeAll(async () => {
  ({ db, close } = await createTestDb());
  inbox = await startSmtpInbox(SMTP_PORT, (address) => address === REFUSED);
  smtpBefore = process.env.SMTP_URL;
  process.env.SMTP_URL = `smtp://127.0.0.1:${SMTP_PORT}`;
}, 120_000);
afterAll(async () => {
  if (smtpBefore === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = smtpBefore;
  await inbox.stop();
  await close();
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A person who chose the digest, with one notification waiting for it and the given last digest. */
async function digestReader(orgId: string, id: string, email: string, lastDigestAt: Date | null) {
  await db.user.create({ data: { id, orgId, email, name: `Reader ${id}`, role: "approver" } });
  await db.notificationSettings.create({ data: { userId: id, preference: "digest", lastDigestAt } });
  await db.notification.create({
    data: {
      id: `ntf_${id}`,
      orgId,
      userId: id,
      kind: "approval_requested",
      subjectId: `apr_${id}`,
      title: `Waiting for ${id}`,
      body: "An approval",
      link: "/inbox",
      emailStatus: "digest",
    },
  });
}

describe("notification digests", () => {
  it("reach everyone due, however many people are waiting who are not", async () => {
    const { org } = await seedOrg(db, {});
    const now = new Date();
    // Sixty people sent a digest an hour ago (not due for a day) sort before the five who are due.
    for (let i = 0; i < 60; i++) await digestReader(org.id, `a-recent-${String(i).padStart(2, "0")}`, `recent${i}@digest.test`, new Date(now.getTime() - HOUR));
    for (let i = 0; i < 5; i++) await digestReader(org.id, `z-due-${i}`, `due${i}@digest.test`, new Date(now.getTime() - 2 * DAY));

    expect(await sendNotificationDigests(db, now)).toBe(5);
    const to = inbox.mails.flatMap((m) => m.to);
    expect(to.filter((a) => a.startsWith("due")).sort()).toEqual([0, 1, 2, 3, 4].map((i) => `due${i}@digest.test`));
    expect(to.some((a) => a.startsWith("recent"))).toBe(false);
    expect(await db.notification.count({ where: { userId: { startsWith: "z-due-" }, emailStatus: "sent" } })).toBe(5);
  });

  it("wait before trying a refused address again, instead of trying it on every tick", async () => {
    const { org } = await seedOrg(db, {});
    const now = new Date(Date.now() + 10 * DAY); // after the first test's people are due again: they answer first
    await digestReader(org.id, "refused-reader", REFUSED, null);
    const tries = () => inbox.attempts.filter((a) => a === REFUSED).length;

    await sendNotificationDigests(db, now);
    expect(tries()).toBe(1);
    // The next ticks, a minute apart: no new attempt until the pause has passed.
    await sendNotificationDigests(db, new Date(now.getTime() + 60_000));
    await sendNotificationDigests(db, new Date(now.getTime() + DIGEST_RETRY_MS - 60_000));
    expect(tries()).toBe(1);
    await sendNotificationDigests(db, new Date(now.getTime() + DIGEST_RETRY_MS + 1_000));
    expect(tries()).toBe(2);
    // Still waiting to be sent, not lost.
    expect(await db.notification.findMany({ where: { userId: "refused-reader" }, select: { emailStatus: true } })).toEqual([{ emailStatus: "digest" }]);
  });
});
