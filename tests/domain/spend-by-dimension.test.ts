import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerApproval } from "@/lib/approvals/answer-approval";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { checkCounters } from "@/lib/counters/check-counters";
import { loadSpendByDimension, OTHER_KEY } from "@/lib/counters/load-spend-by-dimension";
import { rebuildCounters } from "@/lib/counters/rebuild-counters";
import type { Db } from "@/lib/db/client";
import { captureIntent } from "@/lib/intents/capture-intent";
import { submitIntent } from "@/lib/intents/submit-intent";
import { voidIntent } from "@/lib/intents/void-intent";
import { createTestDb } from "./support/test-db";
import { seedOrg } from "./support/seed";

// The spend dashboard's by-category and by-merchant views read spend_dimension_counters; these
// must equal what the intents say after every kind of change, and the check/rebuild cover them.
let db: Db;
let close: () => Promise<void>;
beforeAll(async () => ({ db, close } = await createTestDb()), 120_000);
afterAll(() => close());

async function setup() {
  const s = await seedOrg(db, { admin: "admin", approver: "approver" });
  const agent = await authenticateApiKey(db, (await createApiKey(db, "system", { orgId: s.org.id, kind: "agent", agentId: s.agent.id })).key);
  const submit = async (amount: number, merchant: string | undefined, category: string | undefined) =>
    (
      await submitIntent(
        db,
        agent,
        { amount, currency: "INR", reason: "spend split", confidence: 0.9, merchant, merchant_category: category, metadata: {} },
        null,
      )
    ).intent;
  return { ...s, submit };
}

/** The oracle: the same measure as the day counters' spend, summed straight from the intents. */
async function fromIntents(orgId: string, column: "merchant" | "merchant_category") {
  const rows = await db.$queryRawUnsafe<{ key: string; spent: number }[]>(
    `SELECT COALESCE(${column}, '') AS key,
       SUM(CASE WHEN settled_by_agent THEN amount ELSE COALESCE(captured_amount, amount) END)::float8 AS spent
     FROM intents WHERE org_id = $1 AND status IN ('approved', 'pending_approval') GROUP BY 1`,
    orgId,
  );
  return new Map(rows.filter((r) => r.spent !== 0).map((r) => [r.key, r.spent]));
}

describe("spend by category and by merchant", { timeout: 120_000 }, () => {
  it("matches the intents after approvals, holds, rejections, captures and voids; another organisation's never counts", async () => {
    const { org, people, submit } = await setup();
    const other = await setup();
    await other.submit(77_700, "Figma", "saas"); // never in this organisation's numbers

    const figma = await submit(10_000, "Figma", "saas");
    await submit(20_000, "Figma", "saas");
    const aws = await submit(30_000, "AWS", "cloud");
    const voided = await submit(40_000, "AWS", "cloud");
    await submit(5_000, undefined, undefined); // no merchant or category given: counted under ""
    await submit(1_500_000, "Dell", "hardware"); // above auto-approve: held while a person decides, counts
    const rejected = await submit(2_000_000, "Apple", "hardware");
    await answerApproval(db, people.approver, rejected.id, { decision: "reject", comment: "no" }); // no spend
    await captureIntent(db, people.admin, figma.id, { amount: 7_500 }); // partial: counts what it paid
    await captureIntent(db, people.admin, aws.id, { amount: 30_000 });
    await voidIntent(db, people.admin, voided.id, {}); // returned: no spend

    const category = await loadSpendByDimension(db, org.id, "INR", "UTC", "category");
    expect(new Map(category.top.map((t) => [t.key, t.amount]))).toEqual(await fromIntents(org.id, "merchant_category"));
    expect(category.top.map((t) => [t.key, t.amount])).toEqual([
      ["hardware", 1_500_000],
      ["cloud", 30_000],
      ["saas", 27_500],
      ["", 5_000],
    ]);
    expect(category.total).toBe(1_562_500);
    expect(category.top[0].share).toBeCloseTo(1_500_000 / 1_562_500, 6);
    // Today's stacked bar holds the same amounts, in the order of `top`.
    expect(category.days.at(-1)!.amounts).toEqual([1_500_000, 30_000, 27_500, 5_000]);
    expect(category.days.slice(0, -1).every((d) => d.amounts.every((a) => a === 0))).toBe(true);

    const merchant = await loadSpendByDimension(db, org.id, "INR", "UTC", "merchant");
    expect(new Map(merchant.top.map((t) => [t.key, t.amount]))).toEqual(await fromIntents(org.id, "merchant"));
    expect(merchant.top.find((t) => t.key === "Figma")!.amount).toBe(27_500);
    expect(await checkCounters(db, org.id)).toEqual([]);
  });

  it("keeps the ten largest merchants by name and sums the rest as Other", async () => {
    const { org, submit } = await setup();
    for (let n = 1; n <= 13; n++) await submit(n * 1_000, `Vendor ${String(n).padStart(2, "0")}`, "saas");
    const merchant = await loadSpendByDimension(db, org.id, "INR", "UTC", "merchant");
    expect(merchant.top).toHaveLength(11);
    expect(merchant.top.slice(0, 10).map((t) => t.key)).toEqual(Array.from({ length: 10 }, (_, i) => `Vendor ${String(13 - i).padStart(2, "0")}`));
    expect(merchant.top[10]).toMatchObject({ key: OTHER_KEY, amount: 1_000 + 2_000 + 3_000 });
    expect(merchant.others).toBe(3);
    expect(merchant.total).toBe(91_000);
    expect(merchant.days.at(-1)!.amounts.reduce((s, a) => s + a, 0)).toBe(91_000);
  });

  it("counters check reports drift in the dimension rows and counters rebuild repairs it", async () => {
    const { org, submit } = await setup();
    await submit(12_000, "Notion", "saas");
    await submit(8_000, "Zoom", "saas");
    await db.$executeRaw`UPDATE spend_dimension_counters SET spent = spent + 5 WHERE org_id = ${org.id} AND dimension = 'merchant' AND key = 'Zoom'`;
    await db.$executeRaw`DELETE FROM spend_dimension_counters WHERE org_id = ${org.id} AND dimension = 'category'`;
    const drift = await checkCounters(db, org.id);
    expect(drift.map((d) => [d.kind, d.key.split(" ").slice(2).join(" "), d.stored.spent, d.recomputed.spent]).sort()).toEqual([
      ["dimension", "category saas", 0, 20_000],
      ["dimension", "merchant Zoom", 8_005, 8_000],
    ]);
    const [rebuilt] = await rebuildCounters(db, [org.id]);
    expect(rebuilt.dimensions).toBe(3);
    expect(await checkCounters(db, org.id)).toEqual([]);
    expect((await loadSpendByDimension(db, org.id, "INR", "UTC", "category")).top).toEqual([{ key: "saas", amount: 20_000, share: 1 }]);
  });
});
