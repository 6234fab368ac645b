import { agentRules } from "./agent-rules";
import { amountRules } from "./amount-rules";
import { budgetRules, describeBudgets } from "./budget-rules";
import { controlRules } from "./control-rules";
import { counterpartyRules } from "./counterparty-rules";
import { resolveEffectiveRules } from "./resolve-effective-rules";
import { createRuleContext, type RuleCheck } from "./rule-check";
import { RULE_NAMES, type Decision, type EvaluationInput, type RuleName, type TraceStep } from "./types";

const RULE_CHECKS: Record<RuleName, RuleCheck> = {
  ...controlRules,
  ...agentRules,
  ...amountRules,
  ...counterpartyRules,
  ...budgetRules,
};

/**
 * Decides one spend intent. Every rule runs and lands in the trace (in RULE_NAMES order),
 * so a reviewer sees all the reasons, not just the first. The first deny decides; else the
 * first require_approval; else the intent is approved under the auto-approve limit.
 */
export function evaluatePolicy(input: EvaluationInput): Decision {
  const rules = resolveEffectiveRules(input.policy, input.agent.id);
  const ctx = createRuleContext(input, rules);
  const trace: TraceStep[] = RULE_NAMES.map((rule) => ({ rule, ...RULE_CHECKS[rule](ctx) }));
  const budgets = describeBudgets(rules, input.usage, input.now, input.timeZone);

  const deciding = trace.find((s) => s.result === "deny") ?? trace.find((s) => s.result === "require_approval");
  if (deciding) {
    return {
      outcome: deciding.result === "deny" ? "deny" : "require_approval",
      rule: deciding.rule,
      reason: deciding.detail,
      trace,
      budgets,
    };
  }
  const amount = ctx.amount ?? input.intent.amount; // approved, so the currency rule passed and ctx.amount is set
  return {
    outcome: "approve",
    rule: "auto_approve_limit",
    reason: `Amount ${ctx.money(amount)} is within the auto-approve limit of ${ctx.money(rules.autoApproveLimit)} ` + "and every other rule passed.",
    trace,
    budgets,
  };
}
