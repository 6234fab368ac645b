import { describe, expect, it, vi } from "vitest";
import { limitStoreContract } from "@/tests/unit/support/limit-store-contract";
import { FallbackLimitStore } from "./get-limit-store";
import type { LimitStore } from "./limit-store";
import { MemoryLimitStore } from "./memory-limit-store";

describe("MemoryLimitStore", () => limitStoreContract(() => new MemoryLimitStore()));

describe("FallbackLimitStore", () => {
  const broken = async (): Promise<LimitStore> => {
    throw new Error("connect ECONNREFUSED 127.0.0.1:6379");
  };

  it("when the shared store fails, limits still hold in this process, and the log says so once", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const store = new FallbackLimitStore(broken, "redis");
    const now = 1_800_000_000_000;
    expect(await store.take("k", 2, 60_000, now, 1)).toBe(1);
    expect(await store.take("k", 2, 60_000, now, 5)).toBe(1);
    expect(await store.take("k", 2, 60_000, now, 1)).toBe(0);
    const lease = await store.acquireSlot("s", 1, 1_000, now);
    expect(lease).toMatch(/^mem:/);
    expect(await store.acquireSlot("s", 1, 1_000, now)).toBeNull();
    await store.releaseSlot("s", lease!);
    expect(await store.acquireSlot("s", 1, 1_000, now)).not.toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/ECONNREFUSED.*per instance/);
    warn.mockRestore();
  });

  it("uses the shared store when it answers", async () => {
    const shared = new MemoryLimitStore();
    const store = new FallbackLimitStore(async () => shared, "database");
    const now = 1_800_000_000_000;
    await store.take("k", 1, 60_000, now, 1);
    expect(await shared.take("k", 1, 60_000, now, 1)).toBe(0); // the unit was taken from the shared store
  });
});
