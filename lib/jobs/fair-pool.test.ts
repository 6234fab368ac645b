import { describe, expect, it } from "vitest";
import { FairPool, rotate, shareOut, type Turn } from "./fair-pool";

describe("FairPool", () => {
  it("caps deliveries per organisation and in all, and frees a slot when one ends", async () => {
    let finished = 0;
    const pool = new FairPool(
      () => ({ perOrg: 2, total: 3 }),
      () => finished++,
    );
    const gates: (() => void)[] = [];
    const task = () => new Promise<void>((resolve) => gates.push(resolve));
    pool.start("a", task);
    pool.start("a", task);
    expect(pool.room("a")).toBe(0);
    expect(pool.room("b")).toBe(1);
    pool.start("b", task);
    expect(pool.free()).toBe(0);
    expect(pool.room("c")).toBe(0);
    gates[0]!();
    await new Promise((r) => setImmediate(r));
    expect([pool.room("a"), pool.inFlight(), finished]).toEqual([1, 2, 1]);
    gates.slice(1).forEach((g) => g());
    await pool.idle();
    expect(pool.inFlight()).toBe(0);
  });

  it("a failing delivery is logged, frees its slot, and never throws at the caller", async () => {
    const pool = new FairPool(() => ({ perOrg: 1, total: 1 }));
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    pool.start("a", async () => {
      throw new Error("boom");
    });
    await pool.idle();
    console.error = original;
    expect(errors).toHaveLength(1);
    expect(pool.room("a")).toBe(1);
  });
});

describe("shareOut", () => {
  it("gives each organisation with work its room while slots last, starting one further each pass", () => {
    const pool = new FairPool(() => ({ perOrg: 2, total: 5 }));
    const turn: Turn = {};
    expect(shareOut(pool, ["c", "a", "b"], turn)).toEqual([
      { orgId: "a", n: 2 },
      { orgId: "b", n: 2 },
      { orgId: "c", n: 1 },
    ]);
    expect(shareOut(pool, ["c", "a", "b"], turn)).toEqual([
      { orgId: "b", n: 2 },
      { orgId: "c", n: 2 },
      { orgId: "a", n: 1 },
    ]);
    pool.start("b", () => new Promise(() => {})); // b's endpoint hangs: b has one slot left, others are untouched
    expect(shareOut(pool, ["a", "b", "c"], turn)).toEqual([
      { orgId: "c", n: 2 },
      { orgId: "a", n: 2 },
    ]);
  });

  it("rotate wraps around", () => {
    expect(rotate(["b", "a", "c"], "b")).toEqual(["c", "a", "b"]);
    expect(rotate(["a", "b"], "z")).toEqual(["a", "b"]);
    expect(rotate(["a", "b"], undefined)).toEqual(["a", "b"]);
  });
});
