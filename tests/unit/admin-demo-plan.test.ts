import { describe, expect, it } from "vitest";
import { DEMO_AGENTS } from "@/lib/demo/demo-catalog";
import { buildDemoPlan, LATE_NIGHT_MERCHANTS } from "@/lib/demo/demo-plan";
import { createRng } from "@/lib/demo/prng";

const NOW = new Date("2026-11-28T17:55:00Z");
const HOUR = 3_600_000;

describe("buildDemoPlan", () => {
  it("is deterministic", () => {
    expect(buildDemoPlan(NOW)).toEqual(buildDemoPlan(NOW));
  });

  it("plans about 200 intents over the last 30 days, in time order, with integer paise", () => {
    const { intents } = buildDemoPlan(NOW);
    expect(intents.length).toBeGreaterThanOrEqual(190);
    expect(intents.length).toBeLessThanOrEqual(230);
    for (const [i, p] of intents.entries()) {
      expect(Number.isSafeInteger(p.amount) && p.amount > 0).toBe(true);
      expect(p.at.getTime()).toBeLessThan(NOW.getTime());
      expect(NOW.getTime() - p.at.getTime()).toBeLessThan(30 * 24 * HOUR);
      if (i > 0) expect(p.at.getTime()).toBeGreaterThanOrEqual(intents[i - 1].at.getTime());
      expect(p.confidence).toBeGreaterThan(0);
      expect(p.confidence).toBeLessThanOrEqual(1);
    }
  });

  it("leaves eight approvals for the inbox from the last two days, one above the dual threshold", () => {
    const inbox = buildDemoPlan(NOW).intents.filter((p) => p.fate.kind === "leave");
    expect(inbox).toHaveLength(8);
    for (const p of inbox) expect(NOW.getTime() - p.at.getTime()).toBeLessThanOrEqual(48 * HOUR);
    expect(inbox.filter((p) => p.amount > 5_000_000).length).toBeGreaterThanOrEqual(2);
    expect(inbox.filter((p) => p.amount > 7_500_000)).toHaveLength(1);
  });

  it("keeps the first agent (used by the SDK examples) quiet today so its daily budget is free", () => {
    const first = DEMO_AGENTS[0].key;
    const startOfDay = Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth(), NOW.getUTCDate());
    const today = buildDemoPlan(NOW).intents.filter((p) => p.agent === first && p.at.getTime() >= startOfDay);
    expect(today).toHaveLength(0);
  });

  it("plans every answer before the approval would expire (72 h)", () => {
    for (const p of buildDemoPlan(NOW).intents.filter((i) => i.fate.kind === "answer")) {
      expect(p.fate.kind === "answer" && p.fate.afterMs).toBeLessThan(72 * HOUR);
    }
  });

  it("includes a gambling intent for the policy to deny", () => {
    expect(buildDemoPlan(NOW).intents.some((p) => p.category === "gambling")).toBe(true);
  });
});

describe("createRng", () => {
  it("repeats for a seed and stays in range", () => {
    const a = createRng(7);
    const b = createRng(7);
    for (let i = 0; i < 100; i++) {
      const x = a.next();
      expect(x).toBe(b.next());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
    const r = createRng(1);
    for (let i = 0; i < 100; i++) expect([1, 2, 3]).toContain(r.int(1, 3));
  });
});

describe("the demo's late-night intents", () => {
  it("fall on one day in India but on two days in UTC", () => {
    const late = buildDemoPlan(NOW).intents.filter((p) => Object.values(LATE_NIGHT_MERCHANTS).includes(p.merchant as never));
    expect(late.map((p) => p.at.toISOString())).toEqual(["2026-11-26T19:00:00.000Z", "2026-11-26T23:30:00.000Z", "2026-11-27T00:05:00.000Z"]);
    const ist = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Kolkata" });
    expect(new Set(late.map((p) => ist.format(p.at)))).toEqual(new Set(["2026-11-27"]));
    expect(late.every((p) => p.amount <= 1_000_000)).toBe(true); // within the auto-approve limit
  });
});
