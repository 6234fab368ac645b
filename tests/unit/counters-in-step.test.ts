import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { checkCounters } from "@/lib/counters/check-counters";
import { rebuildCounters } from "@/lib/counters/rebuild-counters";
import { loadSettlementSummary } from "@/lib/intents/load-settlement-summary";
import { makeWorld, opArb, runOp } from "../integration/support/counter-workload";

// In process on a fresh embedded database (the PostgreSQL suite adds concurrent races).
let db: Db;
let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "aegis-counters-"));
  process.env.AEGIS_DATA_DIR = dir;
  delete process.env.DATABASE_URL;
  const { migrate } = await import("@/lib/db/migrate");
  await migrate();
  db = await (await import("@/lib/db/client")).getDb();
}, 120_000);

afterAll(async () => {
  await (await import("@/lib/db/client")).disconnectDb();
  await (await import("@/lib/db/raw-sql")).closeRaw();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("counters stay equal to a recomputation from the intents", () => {
  it("after any sequence of submits, crashes and recoveries, answers and expiries", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("UTC", "Asia/Kolkata", "America/New_York"), fc.array(opArb, { minLength: 1, maxLength: 30 }), async (tz, ops) => {
        const world = await makeWorld(db, tz);
        run++;
        for (const op of ops) await runOp(db, world, op, `r${run}`);
        expect(await checkCounters(db, world.orgId)).toEqual([]);
        expect(await loadSettlementSummary(db, world.orgId)).toEqual(await settlementFromIntents(world.orgId));
      }),
      { numRuns: 12 },
    );
  }, 300_000);

  it("check reports drift and rebuild repairs it", async () => {
    const world = await makeWorld(db, "Asia/Kolkata");
    for (const amount of [10_000, 400_000, 5_000_000]) await runOp(db, world, { kind: "submit", agent: 0, amount, confidence: 0.9, key: null }, "drift");
    await db.$executeRaw`UPDATE agent_day_counters SET spent = spent + 1, approved = approved + 3 WHERE org_id = ${world.orgId}`;
    await db.$executeRaw`DELETE FROM agent_minute_counters WHERE agent_id = ${world.agents[0].agentId}::uuid`;
    const drift = await checkCounters(db, world.orgId);
    expect(drift.map((d) => d.kind).sort()).toEqual(["day", "minute"]);
    expect(drift.find((d) => d.kind === "day")!.stored.approved - drift.find((d) => d.kind === "day")!.recomputed.approved).toBe(3);
    await rebuildCounters(db, [world.orgId]);
    expect(await checkCounters(db, world.orgId)).toEqual([]);
  }, 60_000);
});

/** Reconciliation's totals summed straight from the approved intents: the oracle for the counters. */
async function settlementFromIntents(orgId: string) {
  const rows = await db.$queryRaw<Record<string, bigint | string>[]>`
    SELECT currency, SUM(amount) AS approved, COUNT(*) AS approved_n, COALESCE(SUM(captured_amount), 0) AS captured,
      COALESCE(SUM(amount - captured_amount), 0) AS returned, COUNT(*) FILTER (WHERE settlement = 'voided') AS voided_n,
      COUNT(*) FILTER (WHERE settlement = 'captured' AND captured_amount < amount) AS partial_n,
      COALESCE(SUM(amount) FILTER (WHERE settlement IS NULL), 0) AS open, COUNT(*) FILTER (WHERE settlement IS NULL) AS open_n
    FROM intents WHERE org_id = ${orgId} AND status = 'approved' GROUP BY currency ORDER BY currency`;
  return rows.map((r) => ({
    currency: String(r.currency).trim(),
    approved: Number(r.approved),
    approvedCount: Number(r.approved_n),
    captured: Number(r.captured),
    returned: Number(r.returned),
    voidedCount: Number(r.voided_n),
    partialCount: Number(r.partial_n),
    uncaptured: Number(r.open),
    uncapturedCount: Number(r.open_n),
  }));
}
