import { describe, expect, it } from "vitest";
import { stepUpNeeded } from "./step-up-rule";

const org = (stepUpThreshold: number | null) => ({ stepUpThreshold, currency: "INR" });

describe("stepUpNeeded", () => {
  it("by default follows the admin threshold: approvals only admins may answer need a fresh factor", () => {
    expect(stepUpNeeded({ amount: 6_000_000, requiredRole: "admin" }, "INR", org(null))).toBe(true);
    expect(stepUpNeeded({ amount: 2_000_000, requiredRole: "approver" }, "INR", org(null))).toBe(false);
  });

  it("with the organisation's own threshold, above it (not at it) in the organisation's currency", () => {
    expect(stepUpNeeded({ amount: 1_000_001, requiredRole: "approver" }, "INR", org(1_000_000))).toBe(true);
    expect(stepUpNeeded({ amount: 1_000_000, requiredRole: "approver" }, "INR", org(1_000_000))).toBe(false);
    expect(stepUpNeeded({ amount: 6_000_000, requiredRole: "admin" }, "INR", org(10_000_000))).toBe(false);
  });

  it("an intent in another currency cannot be compared, so it always asks", () => {
    expect(stepUpNeeded({ amount: 5, requiredRole: "approver" }, "USD", org(1_000_000))).toBe(true);
  });
});
