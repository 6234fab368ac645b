import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerApproval } from "@/lib/approvals/answer-approval";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import type { Db } from "@/lib/db/client";
import { captureIntent } from "@/lib/intents/capture-intent";
import { listIntentAnswers } from "@/lib/intents/list-intent-answers";
import { listIntents, type SettledState } from "@/lib/intents/list-intents";
import { listIntentsPage } from "@/lib/intents/list-intents-page";
import { submitIntent } from "@/lib/intents/submit-intent";
import { voidIntent } from "@/lib/intents/void-intent";
import { intentState } from "@/lib/format/intent-state";
import { ageUncaptured } from "@/lib/intents/age-uncaptured";
import { listCaptureMemos } from "@/lib/intents/list-capture-memos";
import { settleIntentsInBulk } from "@/lib/intents/settle-intents-in-bulk";
import { checkCounters } from "@/lib/counters/check-counters";
import { rebuildCounters } from "@/lib/counters/rebuild-counters";
import { createTestDb } from "./support/test-db";
import { seedOrg } from "./support/seed";

// A person's "no" and what a capture or void recorded are states of their own: on the badge,
// in the status filter, and with the name of who rejected.
let db: Db;
let close: () => Promise<void>;
beforeAll(async () => ({ db, close } = await createTestDb()), 120_000);
afterAll(() => close());

describe("intent states beyond the API status", { timeout: 60_000 }, () => {
  it("tells rejected from denied and captured from partly captured and voided, in the badge and the filter", async () => {
    const { org, people } = await seedOrg(db, { admin: "admin", approver: "approver" });
    const s = await seedOrg(db, {}); // another organisation, whose intents never show
    const key = await createApiKey(db, "system", { orgId: org.id, kind: "agent", agentId: (await db.agent.findFirstOrThrow({ where: { orgId: org.id } })).id });
    const agent = await authenticateApiKey(db, key.key);
    const submit = async (amount: number) =>
      (
        await submitIntent(
          db,
          agent,
          { amount, currency: "INR", reason: "test", confidence: 0.9, merchant: "Acme", merchant_category: undefined, metadata: {} },
          null,
        )
      ).intent;
    const [full, partial, voided, open] = [await submit(10_000), await submit(20_000), await submit(30_000), await submit(40_000)];
    const rejected = await submit(2_000_000); // above the auto-approve limit: a person decides
    await answerApproval(db, people.approver, rejected.id, { decision: "reject", comment: "Not this quarter" });
    const policyDenied = await submit(20_000_000); // above the hard limit: denied by the policy, no person involved
    expect(policyDenied.status).toBe("denied");
    await captureIntent(db, people.admin, full.id, { amount: 10_000 });
    await captureIntent(db, people.admin, partial.id, { amount: 5_000 });
    await voidIntent(db, people.admin, voided.id, {});
    void s;

    const only = async (state: SettledState) => (await listIntents(db, people.admin, { limit: 50, state })).data.map((i) => [i.id, intentState(i)]);
    expect(await only("rejected")).toEqual([[rejected.id, "rejected"]]);
    // The dashboard's list too (the typed layer, through the partial index of rejected intents).
    expect((await listIntentsPage(db, people.admin, { limit: 50, state: "rejected" }, "INR")).data.map((i) => i.id)).toEqual([rejected.id]);
    expect((await listIntentsPage(db, people.admin, { limit: 50, status: ["denied"] }, "INR")).data.map((i) => i.id).sort()).toEqual(
      [rejected.id, policyDenied.id].sort(),
    );
    expect(await only("captured")).toEqual([[full.id, "captured"]]);
    expect(await only("partially_captured")).toEqual([[partial.id, "partially_captured"]]);
    expect(await only("voided")).toEqual([[voided.id, "voided"]]);
    const approved = (await listIntents(db, people.admin, { limit: 50, status: ["approved"] })).data;
    expect(approved.find((i) => i.id === open.id) && intentState(approved.find((i) => i.id === open.id)!)).toBe("approved");

    const answers = await listIntentAnswers(db, org.id, [rejected.id, full.id]);
    const approverName = (await db.user.findUniqueOrThrow({ where: { id: people.approver.userId } })).name;
    expect(answers.get(rejected.id)).toEqual({ approvedBy: [], rejectedBy: approverName, comments: [`${approverName}: Not this quarter`] });
    expect(answers.has(full.id)).toBe(false);
    // Another organisation's id answers nothing.
    expect((await listIntentAnswers(db, s.org.id, [rejected.id])).size).toBe(0);
  });
});

/** The organisation's first agent, and a submit of `amount` paise through its own key (auto-approved below the limit). */
async function agentSubmitter(orgId: string) {
  const agentId = (await db.agent.findFirstOrThrow({ where: { orgId } })).id;
  const agent = await authenticateApiKey(db, (await createApiKey(db, "system", { orgId, kind: "agent", agentId })).key);
  const submit = async (amount: number) =>
    (
      await submitIntent(
        db,
        agent,
        { amount, currency: "INR", reason: "reconciliation", confidence: 0.9, merchant: "Acme", merchant_category: undefined, metadata: {} },
        null,
      )
    ).intent;
  return { agentId, submit };
}

describe("reconciliation", { timeout: 60_000 }, () => {
  it("captures in full or voids ticked approvals one by one, reports what could not be settled, and ages what waits", async () => {
    const { org, people } = await seedOrg(db, { admin: "admin", viewer: "viewer" });
    const { submit } = await agentSubmitter(org.id);
    const [a, b, c] = [await submit(1_000), await submit(2_000), await submit(3_000)];
    expect(await ageUncaptured(db, org.id)).toEqual([{ bucket: "0-2", currency: "INR", count: 3, amount: 6_000 }]);
    // Eight days later they are older.
    expect((await ageUncaptured(db, org.id, new Date(Date.now() + 8 * 86_400_000)))[0]).toMatchObject({ bucket: "7-30", count: 3 });

    await expect(settleIntentsInBulk(db, people.viewer, { intentIds: [a.id], kind: "capture" })).rejects.toMatchObject({ code: "forbidden" });
    const captured = await settleIntentsInBulk(db, people.admin, { intentIds: [a.id, b.id], kind: "capture", note: "INV-7" });
    expect(captured).toEqual({ done: [a.id, b.id], failed: [] });
    const voided = await settleIntentsInBulk(db, people.admin, { intentIds: [b.id, c.id], kind: "void" });
    expect(voided.done).toEqual([c.id]);
    expect(voided.failed.map((f) => f.id)).toEqual([b.id]); // already captured: refused, the rest went on
    const rows = await db.intent.findMany({ where: { id: { in: [a.id, b.id, c.id] } }, orderBy: { amount: "asc" } });
    expect(rows.map((r) => [r.settlement, Number(r.capturedAmount)])).toEqual([
      ["captured", 1_000],
      ["captured", 2_000],
      ["voided", 0],
    ]);
    expect((await listCaptureMemos(db, org.id, [a.id, b.id])).get(a.id)).toBe("INV-7");
    expect(await ageUncaptured(db, org.id)).toEqual([]);
  });

  it("ages to the millisecond from day and hour counters and the intents of the three hours a bucket edge falls in; the check and rebuild cover the counters", async () => {
    const { org, people } = await seedOrg(db, { admin: "admin" });
    const { agentId, submit } = await agentSubmitter(org.id);
    const now = new Date("2026-03-20T12:00:00.000Z");
    // Approved at these times (the triggers move each to its day's counter as decided_at changes).
    const at = {
      an_hour_ago: "2026-03-20T11:00:00.000Z",
      just_under_2_days: "2026-03-18T12:00:00.001Z", // the same UTC day as the 2-day edge, on its young side
      just_over_2_days: "2026-03-18T11:59:59.999Z",
      edge_day_evening: "2026-03-18T20:30:00.000Z", // the same day, an hour the edge is not in
      edge_day_morning: "2026-03-18T00:15:00.000Z",
      ten_days: "2026-03-10T00:00:00.000Z",
      on_the_30_day_edge_day: "2026-02-18T23:00:00.000Z", // 29 days 13 hours
      old: "2026-01-01T09:00:00.000Z",
    };
    const ids: Record<string, string> = {};
    for (const [n, [name, t]] of Object.entries(at).entries()) {
      ids[name] = (await submit(1_000 * (n + 1))).id;
      await db.$executeRaw`UPDATE intents SET decided_at = ${new Date(t)} WHERE id = ${ids[name]}`;
    }
    const buckets = async () => Object.fromEntries((await ageUncaptured(db, org.id, now)).map((r) => [r.bucket, [r.count, r.amount]]));
    // Amounts by position: an_hour_ago 1,000 … old 8,000 (see the loop).
    expect(await buckets()).toEqual({ "0-2": [3, 7_000], "2-7": [2, 8_000], "7-30": [2, 13_000], "30+": [1, 8_000] });
    expect(await checkCounters(db, org.id)).toEqual([]);

    // A counter that disagrees with the intents is reported, and the rebuild puts it right.
    await db.$executeRaw`UPDATE awaiting_settlement_counters SET count = count + 1 WHERE org_id = ${org.id} AND day = '2026-03-10'`;
    expect(await checkCounters(db, org.id)).toEqual([
      { kind: "awaiting", agentId, key: "2026-03-10 INR", stored: { count: 2, amount: 6_000 }, recomputed: { count: 1, amount: 6_000 } },
    ]);
    await db.$executeRaw`UPDATE awaiting_settlement_hours SET amount = amount + 1 WHERE org_id = ${org.id} AND hour = '2026-03-18 20:00'`;
    expect((await checkCounters(db, org.id)).map((d) => [d.kind, d.key])).toEqual([
      ["awaiting_hour", "2026-03-18T20 INR"],
      ["awaiting", "2026-03-10 INR"],
    ]);
    await rebuildCounters(db, [org.id]);
    expect(await checkCounters(db, org.id)).toEqual([]);

    // Settling takes an intent out of its day, whichever path settles it.
    await captureIntent(db, people.admin, ids.just_under_2_days, { amount: 2_000 });
    await voidIntent(db, people.admin, ids.ten_days, {});
    expect(await buckets()).toEqual({ "0-2": [2, 5_000], "2-7": [2, 8_000], "7-30": [1, 7_000], "30+": [1, 8_000] });
    expect(await checkCounters(db, org.id)).toEqual([]);
  });
});
