import { dayWindow, monthWindow } from "./budget-windows";
import { deny, otherCurrency, pass, skipped, type RuleChecks, type RuleContext, type RuleResult } from "./rule-check";
import type { BudgetWindow, Decision, EffectiveRules } from "./types";

interface WindowSpec {
  label: string; // "daily"
  period: string; // "today"
  limit: number | null;
  spent: number;
  resetsAt: string;
}

function checkBudget(ctx: RuleContext, w: WindowSpec): RuleResult {
  const { amount, money } = ctx;
  if (w.limit === null) return skipped(`No ${w.label} budget is set.`);
  if (amount === null) return otherCurrency(ctx);
  const resets = w.resetsAt;
  const after = w.spent + amount;
  if (after > w.limit) {
    return deny(
      `Amount ${money(amount)} would bring spend ${w.period} to ${money(after)}, over the ` +
        `${w.label} budget of ${money(w.limit)} (${money(w.spent)} already committed; resets at ${resets}).`,
    );
  }
  return pass(`Spend ${w.period} would be ${money(after)} of the ${w.label} budget of ${money(w.limit)} (resets at ${resets}).`);
}

/** Per-agent spend budgets over calendar windows in the organisation's time zone. */
export const budgetRules: RuleChecks<"daily_budget" | "monthly_budget"> = {
  daily_budget: (ctx) =>
    checkBudget(ctx, {
      label: "daily",
      period: "today",
      limit: ctx.rules.dailyBudget,
      spent: ctx.input.usage.spentToday,
      resetsAt: dayWindow(ctx.input.now, ctx.input.timeZone).resetsAtIso,
    }),
  monthly_budget: (ctx) =>
    checkBudget(ctx, {
      label: "monthly",
      period: "this month",
      limit: ctx.rules.monthlyBudget,
      spent: ctx.input.usage.spentThisMonth,
      resetsAt: monthWindow(ctx.input.now, ctx.input.timeZone).resetsAtIso,
    }),
};

function budgetWindow(limit: number | null, spent: number, resetsAt: string, timeZone: string): BudgetWindow {
  // Clamped at zero: if a budget is lowered below what was already spent, nothing remains.
  const remaining = limit === null ? null : Math.max(0, limit - spent);
  return { limit, spent, remaining, resetsAt, timeZone };
}

/** Budget use before this intent, for display next to the decision. */
export function describeBudgets(
  rules: Pick<EffectiveRules, "dailyBudget" | "monthlyBudget">,
  usage: { spentToday: number; spentThisMonth: number },
  now: Date,
  timeZone: string,
): Decision["budgets"] {
  return {
    daily: budgetWindow(rules.dailyBudget, usage.spentToday, dayWindow(now, timeZone).resetsAtIso, timeZone),
    monthly: budgetWindow(rules.monthlyBudget, usage.spentThisMonth, monthWindow(now, timeZone).resetsAtIso, timeZone),
  };
}
