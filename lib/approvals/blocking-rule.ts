import type { ErrorCode } from "@/lib/errors/app-error";
import type { Decision, RuleName } from "@/lib/policies/engine/types";

/**
 * The rules re-checked when a person approves (in this order): every rule that can deny.
 * Velocity alone is left out: it limits how fast an agent submits, and this submission was
 * judged when it arrived (an approval submits nothing). The risk level and the auto-approve
 * limit only ever send an intent to a person, who is answering it now.
 */
export const MONEY_RULES = [
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
  "min_confidence",
] as const satisfies readonly RuleName[];

export type Blocked = { rule: RuleName; reason: string; code: ErrorCode };

const CODES: Partial<Record<RuleName, ErrorCode>> = { frozen: "spending_frozen", agent_status: "agent_suspended" };

/** Those of them the inbox can foresee without reading the agent's spend (budgets and balance are checked on answering). */
export const FORESEEABLE_RULES = MONEY_RULES.filter((r) => r !== "wallet_balance" && r !== "daily_budget" && r !== "monthly_budget");

/** The first money-protecting rule that denies in `decision`, or null when approving is safe. */
export function blockingRule(decision: Decision, rules: readonly RuleName[] = MONEY_RULES): Blocked | null {
  for (const rule of rules) {
    const step = decision.trace.find((s) => s.rule === rule);
    if (step?.result === "deny") return { rule, reason: step.detail, code: CODES[rule] ?? "approval_blocked" };
  }
  return null;
}
