import { describe, expect, it } from "vitest";
import { DEFAULT_AGENT_BUDGETS, DEFAULT_POLICY } from "./default-policy";
import { PolicyDocumentSchema, toPolicyDocument } from "./policy-document";

describe("DEFAULT_POLICY", () => {
  it("has the documented values", () => {
    expect(toPolicyDocument(DEFAULT_POLICY)).toEqual({
      rules: {
        auto_approve_limit: 1000000,
        hard_limit: 10000000,
        daily_budget: 5000000,
        monthly_budget: 50000000,
        merchant_allowlist: [],
        merchant_blocklist: [],
        category_allowlist: [],
        category_blocklist: ["gambling"],
        min_confidence: 0.6,
        low_confidence_action: "require_approval",
        max_intents_per_hour: 60,
        approval_risk_levels: ["high", "critical"],
        time_window: null,
      },
      approvals: { admin_threshold: 5000000, dual_approval_threshold: 7500000, expiry_hours: 72 },
      settlement: { auto_after_hours: null, auto_action: "capture" },
      agent_overrides: {},
    });
  });

  it("is a valid policy document", () => {
    expect(PolicyDocumentSchema.safeParse(toPolicyDocument(DEFAULT_POLICY)).success).toBe(true);
  });

  it("agent budgets match the default policy budgets", () => {
    expect(DEFAULT_AGENT_BUDGETS).toEqual({ dailyBudget: 5000000, monthlyBudget: 50000000 });
    expect(DEFAULT_AGENT_BUDGETS.dailyBudget).toBe(DEFAULT_POLICY.rules.dailyBudget);
    expect(DEFAULT_AGENT_BUDGETS.monthlyBudget).toBe(DEFAULT_POLICY.rules.monthlyBudget);
  });
});
