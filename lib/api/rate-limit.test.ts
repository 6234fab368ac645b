import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { checkRateLimit } from "./rate-limit";

describe("checkRateLimit", () => {
  it("allows `limit` requests per window, then 429 with Retry-After until the window turns", () => {
    const t0 = 1_000_000;
    for (let i = 0; i < 3; i++) checkRateLimit("k1", t0 + i, 3);
    let err: AppError | undefined;
    try {
      checkRateLimit("k1", t0 + 15_000, 3);
    } catch (e) {
      err = e as AppError;
    }
    expect(err?.code).toBe("rate_limited");
    expect(err?.headers["Retry-After"]).toBe("45");
    expect(() => checkRateLimit("k2", t0 + 15_000, 3)).not.toThrow(); // other keys unaffected
    expect(() => checkRateLimit("k1", t0 + 60_000, 3)).not.toThrow(); // next window
  });

  it("a limit of 0 disables it", () => {
    for (let i = 0; i < 1000; i++) checkRateLimit("k3", i, 0);
  });
});
