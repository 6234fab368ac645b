import { formatMinorUnits } from "./format-minor-units";
import type { EvaluationInput, PolicyRules, RuleName, TraceResult } from "./types";

/** What every rule check sees: the raw input plus the rules already resolved for this agent. */
export interface RuleContext {
  input: EvaluationInput;
  rules: PolicyRules;
  /** Formats minor units in the intent's currency. */
  money: (amount: number) => string;
}

export interface RuleResult {
  result: TraceResult;
  detail: string;
}

export type RuleCheck = (ctx: RuleContext) => RuleResult;
export type RuleChecks<K extends RuleName> = Record<K, RuleCheck>;

export function createRuleContext(input: EvaluationInput, rules: PolicyRules): RuleContext {
  return { input, rules, money: (amount) => formatMinorUnits(amount, input.intent.currency) };
}

export const pass = (detail: string): RuleResult => ({ result: "pass", detail });
export const deny = (detail: string): RuleResult => ({ result: "deny", detail });
export const requireApproval = (detail: string): RuleResult => ({ result: "require_approval", detail });
export const skipped = (detail: string): RuleResult => ({ result: "skipped", detail });

/** Names are compared trimmed and case-insensitively ("  Stripe " matches "stripe"). */
export function normalizeName(name: string): string {
  return name.trim().toLowerCase();
}

export function normalizeCurrency(code: string): string {
  return code.trim().toUpperCase();
}
