/** Every rule the engine checks, in the order it checks them (and records them in the trace). */
export const RULE_NAMES = [
  "frozen",
  "agent_status",
  "time_window",
  "currency",
  "hard_limit",
  "merchant_blocklist",
  "merchant_allowlist",
  "category_blocklist",
  "category_allowlist",
  "wallet_balance",
  "daily_budget",
  "monthly_budget",
  "velocity",
  "min_confidence",
  "risk_level",
  "auto_approve_limit",
] as const;

export type RuleName = (typeof RULE_NAMES)[number];

export type Outcome = "approve" | "deny" | "require_approval";

export const RISK_LEVELS = ["low", "medium", "high", "critical"] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export interface PolicyRules {
  /** Minor units; amount <= this may auto-approve. */
  autoApproveLimit: number;
  /** Minor units; amount > this is denied. */
  hardLimit: number;
  /** Per agent, calendar day in the organisation's time zone; null = no budget. */
  dailyBudget: number | null;
  /** Per agent, calendar month in the organisation's time zone; null = no budget. */
  monthlyBudget: number | null;
  /** Empty = any merchant. Compared case-insensitively, trimmed. */
  merchantAllowlist: string[];
  merchantBlocklist: string[];
  /** merchant_category lists, same semantics as the merchant lists. */
  categoryAllowlist: string[];
  categoryBlocklist: string[];
  /** 0..1; confidence < minConfidence triggers lowConfidenceAction. */
  minConfidence: number;
  lowConfidenceAction: "require_approval" | "deny";
  /** Rolling last 60 minutes, counting intents already submitted (not this one); null = no limit. */
  maxIntentsPerHour: number | null;
  /** Agent risk levels that require human approval. */
  approvalRiskLevels: RiskLevel[];
  /** Spending allowed only on these days between these times; null = any time. */
  timeWindow: TimeWindowRule | null;
}

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface TimeWindowRule {
  /** Local days on which spending is allowed. */
  days: Weekday[];
  /** "HH:MM", local; inclusive. */
  start: string;
  /** "HH:MM", local; exclusive. An end before the start spans midnight (22:00–06:00). */
  end: string;
  /** IANA zone; null = the organisation's time zone. */
  timeZone: string | null;
}

/** Kill switch: an admin stopped all spending of the organisation or of this agent. */
export interface SpendingFreeze {
  scope: "organization" | "agent";
  since: string;
  by: string | null;
  reason: string | null;
}

/** After approval: what happens to intents the agent never captures or voids. */
export interface SettlementSettings {
  /** Hours after approval; null = never settle automatically. */
  autoAfterHours: number | null;
  autoAction: "capture" | "void";
}

export interface ApprovalSettings {
  /** Amount > this: only an admin may approve. */
  adminThreshold: number | null;
  /** Amount > this: two distinct approvers are needed. */
  dualApprovalThreshold: number | null;
  expiryHours: number;
}

/**
 * The rules that apply to one agent: its override laid over the organisation's rules. Limits,
 * budgets and thresholds are replaced by the override; blocks only ever add up: both
 * blocklists apply, every allowlist that is set must name the merchant (or category), and
 * every time window that is set must be open. So an override can narrow, never lift, what the
 * organisation blocks.
 */
export interface EffectiveRules extends Omit<PolicyRules, "merchantAllowlist" | "categoryAllowlist" | "timeWindow"> {
  merchantAllowlists: string[][];
  categoryAllowlists: string[][];
  /** The organisation's window first, then the agent's. */
  timeWindows: { owner: "organization" | "agent"; window: TimeWindowRule }[];
}

export interface Policy {
  rules: PolicyRules;
  approvals: ApprovalSettings;
  settlement: SettlementSettings;
  /** Key = agent UUID; each field present overrides the org rule for that agent. */
  agentOverrides: Record<string, Partial<PolicyRules>>;
}

export interface EvaluationInput {
  intent: {
    amount: number;
    currency: string;
    confidence: number | null;
    merchant: string | null;
    merchantCategory: string | null;
  };
  agent: { id: string; status: "active" | "suspended"; riskLevel: RiskLevel };
  /** The agent's wallet in the intent's currency, or null if it has none. */
  wallet: { currency: string; balance: number; held: number } | null;
  /** Spend already committed in each window (approved + held), not including this intent. */
  usage: { spentToday: number; spentThisMonth: number; intentsLastHour: number };
  policy: Policy;
  /**
   * The policy's currency (ISO 4217, the organisation's): every limit, budget and threshold is
   * an amount in it. An intent in any other currency is refused by the `currency` rule and its
   * amount is never compared with them (a USD amount read against INR limits is ×80 headroom).
   */
  policyCurrency: string;
  now: Date;
  /** The organisation's IANA time zone: budget days and months follow it. */
  timeZone: string;
  /** Set while the organisation or the agent is frozen (kill switch). */
  freeze?: SpendingFreeze | null;
}

export type TraceResult = "pass" | "deny" | "require_approval" | "skipped";

export interface TraceStep {
  rule: RuleName;
  result: TraceResult;
  detail: string;
}

export interface BudgetWindow {
  limit: number | null;
  spent: number;
  remaining: number | null;
  /** ISO 8601, UTC. */
  resetsAt: string;
  /** The IANA time zone whose calendar the window follows (the organisation's). */
  timeZone: string;
}

export interface Decision {
  outcome: Outcome;
  rule: RuleName;
  reason: string;
  trace: TraceStep[];
  budgets: { daily: BudgetWindow; monthly: BudgetWindow };
}
