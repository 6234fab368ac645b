import { describe, expect, it } from "vitest";
import { checkLoginAttempt, FREE_FAILURES, MAX_DELAY_MS, PER_ADDRESS, recordLoginFailure, recordLoginSuccess } from "./login-rate-limit";

describe("sign-in throttling", () => {
  it("never refuses the owner because others guessed wrong from many addresses: it only slows the account down", () => {
    const t0 = 1_000_000;
    for (let i = 0; i < 500; i++) recordLoginFailure("victim@x.test", `10.0.${i >> 8}.${i & 255}`, t0 + i);
    const owner = checkLoginAttempt("victim@x.test", "198.51.100.7", t0 + 1_000);
    expect(owner).toEqual({ allowed: true, delayMs: MAX_DELAY_MS });
    expect(checkLoginAttempt("someone-else@x.test", "198.51.100.7", t0 + 1_000)).toEqual({ allowed: true, delayMs: 0 });
  });

  it("the delay starts after a few failures and doubles with each further one", () => {
    const t0 = 5_000_000;
    const delays: number[] = [];
    for (let i = 0; i < FREE_FAILURES + 3; i++) {
      const gate = checkLoginAttempt("B@x.test", `192.0.2.${i}`, t0 + i);
      delays.push(gate.allowed ? gate.delayMs : -1);
      recordLoginFailure("b@x.test", `192.0.2.${i}`, t0 + i);
    }
    expect(delays).toEqual([0, 0, 0, 0, 0, 250, 500, 1000]);
    recordLoginSuccess("b@x.test");
    expect(checkLoginAttempt("b@x.test", "192.0.2.99", t0 + 100)).toEqual({ allowed: true, delayMs: 0 });
  });

  it("refuses an address after too many failures, only that address, until its window passes", () => {
    const t0 = 9_000_000;
    for (let i = 0; i < PER_ADDRESS; i++) recordLoginFailure(`user${i}@x.test`, "203.0.113.5", t0 + i);
    expect(checkLoginAttempt("anyone@x.test", "203.0.113.5", t0 + 1_000)).toEqual({ allowed: false, retryAfterSeconds: 599 });
    expect(checkLoginAttempt("anyone@x.test", "203.0.113.6", t0 + 1_000).allowed).toBe(true);
    expect(checkLoginAttempt("anyone@x.test", "203.0.113.5", t0 + 10 * 60_000 + 100).allowed).toBe(true);
  });
});
