import { describe, expect, it } from "vitest";
import { retryDelayMs, shouldRetry } from "./retry-delay";

describe("retryDelayMs", () => {
  it("doubles from the base and stops at the cap", () => {
    const mid = () => 0.5; // no jitter
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 5000, 3_600_000, mid))).toEqual([5000, 10_000, 20_000, 40_000]);
    expect(retryDelayMs(30, 5000, 3_600_000, mid)).toBe(3_600_000);
  });

  it("jitters within ±20 %", () => {
    expect(retryDelayMs(1, 1000, 10_000, () => 0)).toBe(800);
    expect(retryDelayMs(1, 1000, 10_000, () => 1)).toBe(1200);
  });

  it("spreads about 20 attempts over 24 hours with the defaults", () => {
    let t = 0;
    let attempts = 0;
    while (
      shouldRetry(
        new Date(0),
        new Date(t),
        retryDelayMs(attempts + 1, 5000, 2 * 3_600_000, () => 0.5),
        24 * 3_600_000,
      )
    ) {
      t += retryDelayMs(++attempts, 5000, 2 * 3_600_000, () => 0.5);
    }
    expect(attempts).toBeGreaterThanOrEqual(15);
    expect(attempts).toBeLessThanOrEqual(25);
    expect(t).toBeLessThanOrEqual(24 * 3_600_000);
  });
});

describe("shouldRetry", () => {
  it("refuses an attempt that would land after the window", () => {
    expect(shouldRetry(new Date(0), new Date(9000), 1000, 10_000)).toBe(true);
    expect(shouldRetry(new Date(0), new Date(9500), 1000, 10_000)).toBe(false);
  });
});
