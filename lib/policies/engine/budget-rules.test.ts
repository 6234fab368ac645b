import { describe, expect, it } from "vitest";
import { evaluatePolicy } from "./evaluate-policy";
import { makeEvaluationInput as input, stepOf } from "./make-evaluation-input";

describe("daily_budget", () => {
  it("allows spend that lands exactly on the budget", () => {
    const d = evaluatePolicy(input({ intent: { amount: 1_000_000 }, usage: { spentToday: 4_000_000 } }));
    expect(stepOf(d, "daily_budget").result).toBe("pass");
    expect(d.outcome).toBe("approve");
  });

  it("denies one minor unit over the budget", () => {
    const d = evaluatePolicy(input({ intent: { amount: 1_000_001 }, usage: { spentToday: 4_000_000 } }));
    expect(d).toMatchObject({
      outcome: "deny",
      rule: "daily_budget",
      reason:
        "Amount 10,000.01 INR would bring spend today to 50,000.01 INR, over the daily budget of 50,000.00 INR " +
        "(40,000.00 INR already committed; resets at 2025-03-16T00:00:00.000Z).",
    });
  });

  it("is skipped when no daily budget is set", () => {
    const d = evaluatePolicy(input({ rules: { dailyBudget: null }, usage: { spentToday: 999_999_999 } }));
    expect(stepOf(d, "daily_budget")).toEqual({ rule: "daily_budget", result: "skipped", detail: "No daily budget is set." });
    expect(d.outcome).toBe("approve");
  });
});

describe("monthly_budget", () => {
  it("allows spend that lands exactly on the budget", () => {
    const d = evaluatePolicy(input({ intent: { amount: 500_000 }, usage: { spentThisMonth: 49_500_000 } }));
    expect(stepOf(d, "monthly_budget").result).toBe("pass");
    expect(d.outcome).toBe("approve");
  });

  it("denies one minor unit over the budget, naming the next month start", () => {
    const d = evaluatePolicy(input({ intent: { amount: 500_001 }, usage: { spentThisMonth: 49_500_000 }, now: new Date("2025-12-31T23:59:59.999Z") }));
    expect(d.outcome).toBe("deny");
    expect(d.rule).toBe("monthly_budget");
    expect(d.reason).toContain("over the monthly budget of 5,00,000.00 INR");
    expect(d.reason).toContain("resets at 2026-01-01T00:00:00.000Z");
  });

  it("is skipped when no monthly budget is set", () => {
    const d = evaluatePolicy(input({ rules: { monthlyBudget: null }, usage: { spentThisMonth: 999_999_999 } }));
    expect(stepOf(d, "monthly_budget").result).toBe("skipped");
    expect(d.outcome).toBe("approve");
  });
});

describe("Decision.budgets", () => {
  it("reports limit, spend before this intent, remaining and reset times", () => {
    const d = evaluatePolicy(input({ usage: { spentToday: 1_200_000, spentThisMonth: 7_000_000 }, now: new Date("2024-02-29T23:59:59.999Z") }));
    expect(d.budgets).toEqual({
      daily: { limit: 5_000_000, spent: 1_200_000, remaining: 3_800_000, resetsAt: "2024-03-01T00:00:00.000Z", timeZone: "UTC" },
      monthly: { limit: 50_000_000, spent: 7_000_000, remaining: 43_000_000, resetsAt: "2024-03-01T00:00:00.000Z", timeZone: "UTC" },
    });
  });

  it("resets at the next UTC midnight and the next month start", () => {
    const d = evaluatePolicy(input({ now: new Date("2025-02-28T00:00:00.000Z") }));
    expect(d.budgets.daily.resetsAt).toBe("2025-03-01T00:00:00.000Z");
    expect(d.budgets.monthly.resetsAt).toBe("2025-03-01T00:00:00.000Z");
    const next = evaluatePolicy(input({ now: new Date("2025-03-01T00:00:00.000Z") }));
    expect(next.budgets.daily.resetsAt).toBe("2025-03-02T00:00:00.000Z");
    expect(next.budgets.monthly.resetsAt).toBe("2025-04-01T00:00:00.000Z");
  });

  it("has null limit and remaining when there is no budget", () => {
    const d = evaluatePolicy(input({ rules: { dailyBudget: null, monthlyBudget: null }, usage: { spentToday: 5 } }));
    expect(d.budgets.daily).toEqual({ limit: null, spent: 5, remaining: null, resetsAt: "2025-03-16T00:00:00.000Z", timeZone: "UTC" });
    expect(d.budgets.monthly.remaining).toBeNull();
  });

  it("follows the organisation's time zone and says which", () => {
    // 20:00Z on Mar 15 is 01:30 on Mar 16 in Kolkata: that day resets at 18:30Z on the 16th.
    const d = evaluatePolicy(input({ now: new Date("2025-03-15T20:00:00.000Z"), timeZone: "Asia/Kolkata" }));
    expect(d.budgets.daily).toMatchObject({ resetsAt: "2025-03-16T18:30:00.000Z", timeZone: "Asia/Kolkata" });
    expect(d.budgets.monthly).toMatchObject({ resetsAt: "2025-03-31T18:30:00.000Z", timeZone: "Asia/Kolkata" });
  });

  it("never reports a negative remainder", () => {
    const d = evaluatePolicy(input({ rules: { dailyBudget: 100 }, usage: { spentToday: 250 } }));
    expect(d.budgets.daily.remaining).toBe(0);
    expect(d.rule).toBe("daily_budget");
  });

  it("is filled even when the intent is denied early", () => {
    const d = evaluatePolicy(input({ agent: { status: "suspended" }, usage: { spentToday: 10 } }));
    expect(d.budgets.daily.remaining).toBe(4_999_990);
  });
});
