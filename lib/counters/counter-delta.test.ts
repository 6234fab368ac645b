import { describe, expect, it } from "vitest";
import { counterDelta, settlementDelta, ZERO_DELTA } from "./counter-delta";

describe("counterDelta", () => {
  it("a new intent approved at once counts as approved and commits its amount", () => {
    expect(counterDelta({ from: null, to: "approved", amount: 500, confidence: 0.9 })).toEqual({ ...ZERO_DELTA, approved: 1, spent: 500, approvedAmount: 500 });
  });

  it("a stored pending intent decided later moves from pending", () => {
    expect(counterDelta({ from: null, to: "pending", amount: 500, confidence: 0.2 })).toEqual({ ...ZERO_DELTA, pending: 1 });
    expect(counterDelta({ from: "pending", to: "pending_approval", amount: 500, confidence: 0.2 })).toEqual({
      ...ZERO_DELTA,
      pending: -1,
      pendingApproval: 1,
      spent: 500,
      lowConfidence: 1,
    });
  });

  it("a denial commits nothing", () => {
    expect(counterDelta({ from: null, to: "denied", amount: 500, confidence: null })).toEqual({ ...ZERO_DELTA, denied: 1 });
  });

  it("a person's approval keeps the spend; a rejection or expiry gives it back", () => {
    expect(counterDelta({ from: "pending_approval", to: "approved", amount: 700, confidence: 0.1 })).toEqual({
      ...ZERO_DELTA,
      pendingApproval: -1,
      approved: 1,
      approvedAmount: 700,
    });
    expect(counterDelta({ from: "pending_approval", to: "denied", amount: 700, confidence: 0.9, rejectedByPerson: true })).toEqual({
      ...ZERO_DELTA,
      pendingApproval: -1,
      denied: 1,
      rejected: 1,
      spent: -700,
    });
    expect(counterDelta({ from: "pending_approval", to: "expired", amount: 700, confidence: 0.9 })).toEqual({
      ...ZERO_DELTA,
      pendingApproval: -1,
      expired: 1,
      spent: -700,
    });
  });

  it("low confidence is counted only when the intent is first decided", () => {
    expect(counterDelta({ from: null, to: "denied", amount: 1, confidence: 0.59 }).lowConfidence).toBe(1);
    expect(counterDelta({ from: null, to: "denied", amount: 1, confidence: 0.6 }).lowConfidence).toBe(0);
    expect(counterDelta({ from: "pending_approval", to: "denied", amount: 1, confidence: 0.1 }).lowConfidence).toBe(0);
  });

  it("settling moves what was paid and returned, and gives the unpaid rest back to the budget", () => {
    expect(settlementDelta(1_000, { kind: "capture", amount: 1_000 })).toEqual({ ...ZERO_DELTA, capturedAmount: 1_000, captured: 1 });
    expect(settlementDelta(1_000, { kind: "capture", amount: 400 })).toEqual({
      ...ZERO_DELTA,
      spent: -600,
      capturedAmount: 400,
      returnedAmount: 600,
      captured: 1,
      partial: 1,
    });
    expect(settlementDelta(1_000, { kind: "void" })).toEqual({ ...ZERO_DELTA, spent: -1_000, returnedAmount: 1_000, voided: 1 });
  });

  it("an agent settling with its own key gets the money back but not the budget", () => {
    expect(settlementDelta(1_000, { kind: "void" }, { byAgent: true })).toEqual({ ...ZERO_DELTA, returnedAmount: 1_000, voided: 1 });
    expect(settlementDelta(1_000, { kind: "capture", amount: 400 }, { byAgent: true })).toEqual({
      ...ZERO_DELTA,
      capturedAmount: 400,
      returnedAmount: 600,
      captured: 1,
      partial: 1,
    });
  });
});
