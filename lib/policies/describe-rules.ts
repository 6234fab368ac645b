import type { PolicyRulesOverrideDocument } from "@/lib/policies/engine";
import { describeTimeWindow } from "@/lib/policies/engine/time-window";
import type { Weekday } from "@/lib/policies/engine/types";
import { formatMoney } from "@/lib/format/money";

/** Policy fields as label + readable value, for people rather than JSON parsers; amounts in the organisation's currency. */
export const RULE_LABELS: Record<keyof PolicyRulesOverrideDocument, string> = {
  auto_approve_limit: "Auto-approve up to",
  hard_limit: "Deny above",
  daily_budget: "Daily budget per agent",
  monthly_budget: "Monthly budget per agent",
  merchant_allowlist: "Allowed merchants",
  merchant_blocklist: "Blocked merchants",
  category_allowlist: "Allowed categories",
  category_blocklist: "Blocked categories",
  min_confidence: "Minimum confidence",
  low_confidence_action: "Below minimum confidence",
  max_intents_per_hour: "Max intents per hour",
  approval_risk_levels: "Risk levels that need a person",
  time_window: "Spending allowed",
};

const MONEY = new Set(["auto_approve_limit", "hard_limit", "daily_budget", "monthly_budget"]);

export function describeRules(rules: PolicyRulesOverrideDocument, currency: string): { field: string; label: string; value: string }[] {
  return (Object.keys(RULE_LABELS) as (keyof PolicyRulesOverrideDocument)[])
    .filter((k) => rules[k] !== undefined)
    .map((k) => ({ field: k, label: RULE_LABELS[k], value: describeRuleValue(k, rules[k], currency) }));
}

/** One rule's value as a person reads it: money in the currency, lists joined, null as what it means. */
export function describeRuleValue(key: string, v: unknown, currency: string): string {
  if (v === null) return key === "max_intents_per_hour" ? "No limit" : key === "time_window" ? "Any time" : "No budget";
  if (key === "time_window") {
    const w = v as { days: string[]; start: string; end: string; time_zone: string | null };
    return describeTimeWindow({ days: w.days as Weekday[], start: w.start, end: w.end, timeZone: w.time_zone }, "the organisation's time zone");
  }
  if (MONEY.has(key)) return formatMoney(v as number, currency);
  if (Array.isArray(v)) return v.length ? v.join(", ") : key.endsWith("allowlist") ? "Any" : key === "approval_risk_levels" ? "None" : "None";
  if (key === "min_confidence") return `${Math.round((v as number) * 100)}%`;
  if (key === "low_confidence_action") return v === "deny" ? "Deny" : "Ask a person";
  return String(v);
}
