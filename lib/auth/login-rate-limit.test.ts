import { describe, expect, it } from "vitest";
import { MemoryLimitStore } from "@/lib/limits/memory-limit-store";
import {
  checkLoginAttempt as check,
  FREE_FAILURES,
  MAX_DELAY_MS,
  PER_ADDRESS,
  recordLoginFailure as fail,
  recordLoginSuccess as succeed,
} from "./login-rate-limit";

const store = new MemoryLimitStore();
const checkLoginAttempt = (email: string, address: string, now: number) => check(email, address, now, store);
const recordLoginFailure = (email: string, address: string, now: number) => fail(email, address, now, store);
const recordLoginSuccess = (email: string) => succeed(email, store);

describe("sign-in throttling", () => {
  it("never refuses the owner because others guessed wrong from many addresses: it only slows the account down", async () => {
    const t0 = 1_000_000;
    for (let i = 0; i < 500; i++) await recordLoginFailure("victim@x.test", `10.0.${i >> 8}.${i & 255}`, t0 + i);
    const owner = await checkLoginAttempt("victim@x.test", "198.51.100.7", t0 + 1_000);
    expect(owner).toEqual({ allowed: true, delayMs: MAX_DELAY_MS });
    expect(await checkLoginAttempt("someone-else@x.test", "198.51.100.7", t0 + 1_000)).toEqual({ allowed: true, delayMs: 0 });
  });

  it("the delay starts after a few failures and doubles with each further one", async () => {
    const t0 = 5_000_000;
    const delays: number[] = [];
    for (let i = 0; i < FREE_FAILURES + 3; i++) {
      const gate = await checkLoginAttempt("B@x.test", `192.0.2.${i}`, t0 + i);
      delays.push(gate.allowed ? gate.delayMs : -1);
      await recordLoginFailure("b@x.test", `192.0.2.${i}`, t0 + i);
    }
    expect(delays).toEqual([0, 0, 0, 0, 0, 250, 500, 1000]);
    await recordLoginSuccess("b@x.test");
    expect(await checkLoginAttempt("b@x.test", "192.0.2.99", t0 + 100)).toEqual({ allowed: true, delayMs: 0 });
  });

  it("refuses an address after too many failures, only that address, until its window passes", async () => {
    const t0 = 9_000_000;
    for (let i = 0; i < PER_ADDRESS; i++) await recordLoginFailure(`user${i}@x.test`, "203.0.113.5", t0 + i);
    expect(await checkLoginAttempt("anyone@x.test", "203.0.113.5", t0 + 1_000)).toEqual({ allowed: false, retryAfterSeconds: 599 });
    expect((await checkLoginAttempt("anyone@x.test", "203.0.113.6", t0 + 1_000)).allowed).toBe(true);
    expect((await checkLoginAttempt("anyone@x.test", "203.0.113.5", t0 + 10 * 60_000 + 100)).allowed).toBe(true);
  });
});
