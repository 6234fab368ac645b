import crypto from "node:crypto";
import { expect, it } from "vitest";
import type { LimitStore } from "@/lib/limits/limit-store";

/**
 * What every limit store must do (lib/limits/limit-store.ts), run against each one: memory in
 * the unit tests, the SQL store on PGlite and on PostgreSQL, and Redis. The concurrent cases
 * matter on the shared stores: 40 callers race for 10 units and exactly 10 win.
 */
export function limitStoreContract(store: () => LimitStore) {
  const key = (name: string) => `${name}:${crypto.randomUUID()}`;
  const t0 = 1_800_000_000_000; // a window boundary for 60 s windows

  it("take: up to `limit` units per window, the last batch cut short, then none until the window turns; keys apart", async () => {
    const s = store();
    const k = key("take");
    expect(await s.take(k, 5, 60_000, t0, 1)).toBe(1);
    expect(await s.take(k, 5, 60_000, t0 + 1, 3)).toBe(3);
    expect(await s.take(k, 5, 60_000, t0 + 2, 3)).toBe(1); // only one left
    expect(await s.take(k, 5, 60_000, t0 + 15_000, 1)).toBe(0);
    expect(await s.take(k, 5, 60_000, t0 + 15_001, 1)).toBe(0); // a refusal takes nothing
    expect(await s.take(key("other"), 5, 60_000, t0 + 15_000, 2)).toBe(2);
    expect(await s.take(k, 5, 60_000, t0 + 60_000, 4)).toBe(4); // next window
    expect(await s.take(k, 5, 60_000, t0 + 60_001, 4)).toBe(1);
  });

  it("take: 40 concurrent callers for a limit of 10 in batches of 3, exactly 10 units granted", async () => {
    const s = store();
    const k = key("race");
    const granted = await Promise.all(Array.from({ length: 40 }, () => s.take(k, 10, 60_000, t0 + 1, 3)));
    expect(granted.reduce((a, b) => a + b, 0)).toBe(10);
  });

  it("slots: `cap` leases per key; a release frees one, an expired lease frees itself", async () => {
    const s = store();
    const k = key("slot");
    const a = await s.acquireSlot(k, 2, 10_000, t0);
    const b = await s.acquireSlot(k, 2, 20_000, t0);
    expect(a && b && a !== b).toBeTruthy();
    expect(await s.acquireSlot(k, 2, 10_000, t0 + 1)).toBeNull();
    expect(await s.acquireSlot(key("other"), 2, 10_000, t0 + 1)).not.toBeNull();
    await s.releaseSlot(k, a!);
    const c = await s.acquireSlot(k, 2, 10_000, t0 + 2);
    expect(c).not.toBeNull();
    expect(await s.acquireSlot(k, 2, 10_000, t0 + 3)).toBeNull();
    // c expires at t0 + 10,002 (a holder that died never releases it); b still holds until t0 + 20,000.
    expect(await s.acquireSlot(k, 2, 10_000, t0 + 10_003)).not.toBeNull();
    expect(await s.acquireSlot(k, 2, 10_000, t0 + 10_004)).toBeNull();
  });

  it("slots: 40 concurrent acquires for 5 slots, exactly 5 leases", async () => {
    const s = store();
    const k = key("slot-race");
    const leases = await Promise.all(Array.from({ length: 40 }, () => s.acquireSlot(k, 5, 60_000, t0)));
    expect(leases.filter(Boolean).length).toBe(5);
  });

  it("events: the window's times, oldest first; clear forgets them", async () => {
    const s = store();
    const k = key("events");
    for (const at of [t0, t0 + 1_000, t0 + 2_000]) await s.addEvent(k, 10_000, at);
    expect(await s.recentEvents(k, 10_000, t0 + 2_500)).toEqual([t0, t0 + 1_000, t0 + 2_000]);
    expect(await s.recentEvents(k, 10_000, t0 + 10_500)).toEqual([t0 + 1_000, t0 + 2_000]);
    await s.clearEvents(k);
    expect(await s.recentEvents(k, 10_000, t0 + 2_500)).toEqual([]);
  });

  it("sweep keeps what is live", async () => {
    const s = store();
    const k = key("sweep");
    await s.take(k, 1, 60_000, t0, 1);
    const lease = await s.acquireSlot(k, 1, 60_000, t0);
    await s.addEvent(k, 60_000, t0);
    await s.sweep(t0 + 1_000);
    expect(await s.take(k, 1, 60_000, t0 + 1_000, 1)).toBe(0);
    expect(await s.acquireSlot(k, 1, 60_000, t0 + 1_000)).toBeNull();
    expect(await s.recentEvents(k, 60_000, t0 + 1_000)).toEqual([t0]);
    await s.releaseSlot(k, lease!);
  });
}
