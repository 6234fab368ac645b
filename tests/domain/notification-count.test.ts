import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { countUnreadNotifications, listNotifications, shownUnread, UNREAD_COUNT_CAP } from "@/lib/notifications/list-notifications";
import { createTestDb } from "./support/test-db";
import { seedOrg } from "./support/seed";

let db: Db;
let close: () => Promise<void>;
beforeAll(async () => ({ db, close } = await createTestDb()), 120_000);
afterAll(() => close());

// Every dashboard page counts the person's unread notifications for the bell; someone who never
// opens the list collects one per approval they could answer, so the count stops at the cap.
it("counts a person's unread notifications up to the cap the bell shows as 99+, and only theirs", async () => {
  const { org, people } = await seedOrg(db, { admin: "admin", approver: "approver" });
  const make = (userId: string, n: number, read: boolean) =>
    db.notification.createMany({
      data: Array.from({ length: n }, (_, i) => ({
        id: `ntf_${userId.slice(-8)}_${read ? "r" : "u"}_${i}`,
        orgId: org.id,
        userId,
        kind: "approval_requested",
        subjectId: `apr_${read ? "r" : "u"}_${i}`,
        title: "Approval needed",
        body: "",
        link: "/inbox",
        emailStatus: "skipped",
        readAt: read ? new Date() : null,
      })),
    });
  await make(people.admin.userId, 40, true);
  await make(people.admin.userId, 7, false);
  await make(people.approver.userId, 150, false);
  expect(await countUnreadNotifications(db, people.admin.userId)).toBe(7);
  expect(shownUnread(7)).toBe("7");
  expect(await countUnreadNotifications(db, people.approver.userId)).toBe(UNREAD_COUNT_CAP);
  expect(shownUnread(await countUnreadNotifications(db, people.approver.userId))).toBe("99+");
  expect(shownUnread(99)).toBe("99");
  const list = await listNotifications(db, people.approver.userId, 10);
  expect([list.items.length, list.unread]).toEqual([10, UNREAD_COUNT_CAP]);
  // Read all but 60: the count is exact again below the cap.
  const keep = new Set(
    (await db.notification.findMany({ where: { userId: people.approver.userId }, select: { id: true }, orderBy: { id: "asc" }, take: 60 })).map((n) => n.id),
  );
  await db.notification.updateMany({ where: { userId: people.approver.userId, id: { notIn: [...keep] } }, data: { readAt: new Date() } });
  expect(await countUnreadNotifications(db, people.approver.userId)).toBe(60);
});
