import type { Policy } from "./types";

/**
 * The default policy
 * ------------------
 * Every new organisation starts with this policy. Amounts are integers in minor units of the
 * organisation's currency (paise for INR), so 1000000 is ₹10,000.00; they are sized for INR,
 * and an organisation in another currency gets the same numbers in its own minor units. The
 * policy document states that currency (`"currency"`, always the organisation's). An intent
 * in any other currency is denied by the `currency` rule, and its amount is never compared
 * with these limits (a USD amount read against INR limits would be ×80 headroom).
 *
 * | rule                     | default        | effect                                                            |
 * |--------------------------|----------------|-------------------------------------------------------------------|
 * | currency                 | the org's      | an intent in another currency is denied (no conversion rates yet) |
 * | auto_approve_limit       | ₹10,000        | at or below: approved without a human, if every other rule passes |
 * | hard_limit               | ₹1,00,000      | above: denied outright (exactly at the limit is allowed)          |
 * | daily_budget             | ₹50,000        | per agent per day of the organisation's time zone; over: denied   |
 * | monthly_budget           | ₹5,00,000      | per agent per calendar month in that zone; going over is denied   |
 * | merchant allow/blocklist | none           | any merchant may be paid                                          |
 * | category_blocklist       | gambling       | merchant_category "gambling" is denied                            |
 * | min_confidence           | 0.6            | below 0.6 a human must approve (low_confidence_action)            |
 * | max_intents_per_hour     | 60             | the 61st intent within a rolling hour is denied                   |
 * | approval_risk_levels     | high, critical | intents from high/critical-risk agents need a human               |
 * | admin_threshold          | ₹50,000        | above: only an admin may approve                                  |
 * | dual_approval_threshold  | ₹75,000        | above: two different people must approve                          |
 * | expiry_hours             | 72             | an unanswered approval expires after 3 days                       |
 * | time_window              | none           | spending allowed at any hour (else: days, start, end, time_zone)  |
 * | settlement               | never          | approved intents stay uncaptured until the agent captures/voids   |
 *
 * Every rule is checked for every intent and recorded in the decision's trace. A deny from
 * any rule wins; otherwise any "needs a human" wins; otherwise the intent is approved.
 * Spend counted against budgets is what is already approved plus what is held for pending
 * approvals. Admins can override any rule for a single agent in agent_overrides.
 */
export const DEFAULT_POLICY: Policy = {
  rules: {
    autoApproveLimit: 1_000_000,
    hardLimit: 10_000_000,
    dailyBudget: 5_000_000,
    monthlyBudget: 50_000_000,
    merchantAllowlist: [],
    merchantBlocklist: [],
    categoryAllowlist: [],
    categoryBlocklist: ["gambling"],
    minConfidence: 0.6,
    lowConfidenceAction: "require_approval",
    maxIntentsPerHour: 60,
    approvalRiskLevels: ["high", "critical"],
    timeWindow: null,
  },
  approvals: {
    adminThreshold: 5_000_000,
    dualApprovalThreshold: 7_500_000,
    expiryHours: 72,
  },
  settlement: { autoAfterHours: null, autoAction: "capture" },
  agentOverrides: {},
};

/** Budgets a newly registered agent starts with (₹50,000/day, ₹5,00,000/month in paise). */
export const DEFAULT_AGENT_BUDGETS = { dailyBudget: 5_000_000, monthlyBudget: 50_000_000 } as const;
