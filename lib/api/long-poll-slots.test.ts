import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { MemoryLimitStore } from "@/lib/limits/memory-limit-store";
import { acquireWaitSlot, waitsInFlight } from "./long-poll-slots";

describe("acquireWaitSlot", () => {
  const store = new MemoryLimitStore();
  const take = (key: string, perKey: number, perProcess: number) => acquireWaitSlot(key, 30_000, { perKey, perProcess, store });

  it("caps waits per key with a 429 and Retry-After, and frees a slot exactly once", async () => {
    const a = [await take("k1", 2, 100), await take("k1", 2, 100)];
    const err = await take("k1", 2, 100).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(429);
    expect((err as AppError).headers["Retry-After"]).toBe("1");
    const other = await take("k2", 2, 100); // another key is unaffected
    a[0]!();
    a[0]!(); // a second release changes nothing
    await new Promise((r) => setImmediate(r)); // the release reaches the store asynchronously
    const again = await take("k1", 2, 100);
    await expect(take("k1", 2, 100)).rejects.toThrow(AppError);
    for (const r of [a[1]!, other, again]) r();
    expect(waitsInFlight()).toBe(0);
  });

  it("caps waits per process across keys, and a refused wait holds nothing", async () => {
    const held = [await take("p1", 5, 2), await take("p2", 5, 2)];
    await expect(take("p3", 5, 2)).rejects.toThrow(/on this server/);
    held.forEach((r) => r());
    expect(waitsInFlight()).toBe(0);
    const full = [await take("q", 1, 10)];
    await expect(take("q", 1, 10)).rejects.toThrow(/per key/);
    expect(waitsInFlight()).toBe(1);
    full[0]!();
    expect(waitsInFlight()).toBe(0);
  });
});
