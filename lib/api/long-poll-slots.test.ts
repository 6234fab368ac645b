import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { acquireWaitSlot, waitsInFlight } from "./long-poll-slots";

describe("acquireWaitSlot", () => {
  it("caps waits per key with a 429 and Retry-After, and frees a slot exactly once", () => {
    const a = [acquireWaitSlot("k1", 2, 100), acquireWaitSlot("k1", 2, 100)];
    let err: unknown;
    try {
      acquireWaitSlot("k1", 2, 100);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(429);
    expect((err as AppError).headers["Retry-After"]).toBe("1");
    const other = acquireWaitSlot("k2", 2, 100); // another key is unaffected
    a[0]();
    a[0](); // a second release changes nothing
    const again = acquireWaitSlot("k1", 2, 100);
    expect(() => acquireWaitSlot("k1", 2, 100)).toThrow(AppError);
    for (const r of [a[1], other, again]) r();
    expect(waitsInFlight()).toBe(0);
  });

  it("caps waits per process across keys", () => {
    const held = [acquireWaitSlot("p1", 5, 2), acquireWaitSlot("p2", 5, 2)];
    expect(() => acquireWaitSlot("p3", 5, 2)).toThrow(/on this server/);
    held.forEach((r) => r());
    expect(waitsInFlight()).toBe(0);
  });
});
