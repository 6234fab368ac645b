import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { MemoryLimitStore } from "@/lib/limits/memory-limit-store";
import { batchSize, checkRateLimit } from "./rate-limit";

describe("checkRateLimit", () => {
  it("allows `limit` requests per window, then 429 with Retry-After until the window turns", async () => {
    const store = new MemoryLimitStore();
    const t0 = 1_800_000_000_000;
    for (let i = 0; i < 3; i++) await checkRateLimit("k1", 3, t0 + i, store);
    const err = await checkRateLimit("k1", 3, t0 + 15_000, store).catch((e: AppError) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("rate_limited");
    expect((err as AppError).headers["Retry-After"]).toBe("45");
    await checkRateLimit("k2", 3, t0 + 15_000, store); // other keys unaffected
    await checkRateLimit("k1", 3, t0 + 60_000, store); // next window
  });

  it("instances take units in batches from the shared store: together never past the limit, and most requests ask nothing", async () => {
    const shared = new MemoryLimitStore();
    let asked = 0;
    // Two instances: each its own view of the one shared store (so its own unspent batch).
    const instance = (): MemoryLimitStore =>
      Object.assign(Object.create(shared), {
        take: (...args: Parameters<MemoryLimitStore["take"]>) => (asked++, shared.take(...args)),
      });
    const [a, b] = [instance(), instance()];
    const t0 = 1_800_000_000_000;
    expect(batchSize(600)).toBe(12);
    let allowed = 0;
    for (let i = 0; i < 700; i++) {
      const ok = await checkRateLimit("key", 600, t0 + i, i % 2 ? a : b).then(
        () => true,
        () => false,
      );
      if (ok) allowed++;
    }
    expect(allowed).toBe(600);
    expect(asked).toBeLessThanOrEqual(600 / 12 + 2 * 2); // one round trip per batch, and one "used up" answer per instance
  });

  it("a burst on one instance reserves only what it serves: one take in flight per key, so the other instance is not starved", async () => {
    const shared = new MemoryLimitStore();
    const instance = (): MemoryLimitStore =>
      Object.assign(Object.create(shared), {
        // A store a little slow to answer, as a database or Redis is: the burst arrives while a take is on its way.
        take: async (...args: Parameters<MemoryLimitStore["take"]>) => {
          await new Promise((r) => setTimeout(r, 2));
          return shared.take(...args);
        },
      });
    const [a, b] = [instance(), instance()];
    const t0 = 1_800_000_000_000;
    const ok = (p: Promise<void>) =>
      p.then(
        () => true,
        () => false,
      );
    const burst = await Promise.all(Array.from({ length: 20 }, () => ok(checkRateLimit("burst", 300, t0, a))));
    expect(burst.every(Boolean)).toBe(true);
    let servedByB = 0;
    for (let i = 0; i < 300; i++) if (await ok(checkRateLimit("burst", 300, t0 + 1 + i, b))) servedByB++;
    // A took ceil(20 / 6) batches of 6 (24 units) for its 20, where a take per request would have held 120.
    expect(batchSize(300)).toBe(6);
    expect(servedByB).toBe(300 - 24);
  });

  it("a limit of 0 disables it", async () => {
    const store = new MemoryLimitStore();
    for (let i = 0; i < 1000; i++) await checkRateLimit("k3", 0, i, store);
  });
});
