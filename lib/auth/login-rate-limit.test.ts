import { describe, expect, it } from "vitest";
import { clearLoginAttempts, takeLoginAttempt } from "./login-rate-limit";

describe("takeLoginAttempt", () => {
  it("allows 5 attempts per email and IP a minute, then says how long to wait", () => {
    const t0 = 5_000_000;
    for (let i = 0; i < 5; i++) expect(takeLoginAttempt("A@x.test", "1.1.1.1", t0 + i).allowed).toBe(true);
    expect(takeLoginAttempt("a@x.test", "1.1.1.1", t0 + 10_000)).toEqual({ allowed: false, retryAfterSeconds: 50 });
    expect(takeLoginAttempt("a@x.test", "1.1.1.1", t0 + 60_000).allowed).toBe(true);
  });

  it("caps one account at 20 a minute however the client IP is rotated", () => {
    const t0 = 9_000_000;
    for (let i = 0; i < 20; i++) expect(takeLoginAttempt("victim@x.test", `10.0.0.${i}`, t0 + i).allowed).toBe(true);
    expect(takeLoginAttempt("victim@x.test", "10.0.1.1", t0 + 100).allowed).toBe(false);
    expect(takeLoginAttempt("other@x.test", "10.0.1.1", t0 + 100).allowed).toBe(true);
  });

  it("a successful sign-in clears the client's count but not the account's", () => {
    const t0 = 13_000_000;
    for (let i = 0; i < 5; i++) takeLoginAttempt("b@x.test", "2.2.2.2", t0 + i);
    clearLoginAttempts("b@x.test", "2.2.2.2");
    expect(takeLoginAttempt("b@x.test", "2.2.2.2", t0 + 10).allowed).toBe(true);
  });
});
