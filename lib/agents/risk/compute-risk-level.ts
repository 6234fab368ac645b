import { monthWindow } from "@/lib/policies/engine/budget-windows";
import type { RiskLevel } from "@/lib/policies/engine/types";

/** What the last 30 days of an agent's history say (counted by the caller). */
export type RiskHistory = {
  decided: number; // intents with a decision
  denied: number; // denied by policy or by a person
  lowConfidence: number; // confidence below LOW_CONFIDENCE
  rejectedApprovals: number;
  spentThisMonth: number; // minor units, approved + held
  monthlyBudget: number | null;
  now: Date;
  /** The organisation's time zone: its calendar month is the budget's month. */
  timeZone?: string;
};

export type RiskFactor = { factor: string; value: number; points: number; detail: string };
export type RiskAssessment = { level: RiskLevel; computed: RiskLevel; override: RiskLevel | null; score: number; factors: RiskFactor[] };

export const LOW_CONFIDENCE = 0.6;
const MIN_HISTORY = 5; // fewer decisions than this say little: rates are not scored

const pct = (x: number) => `${Math.round(x * 100)}%`;
const band = (x: number, steps: [number, number][]) => steps.find(([limit]) => x >= limit)?.[1] ?? 0;

/**
 * Points per factor, summed: 0–1 low, 2–3 medium, 4–5 high, 6+ critical.
 * An admin's override replaces the computed level but the factors stay visible.
 */
export function computeRiskLevel(h: RiskHistory, override: RiskLevel | null = null): RiskAssessment {
  const enough = h.decided >= MIN_HISTORY;
  const denialRate = h.decided ? h.denied / h.decided : 0;
  const lowShare = h.decided ? h.lowConfidence / h.decided : 0;
  const velocity = budgetVelocity(h);

  const factors: RiskFactor[] = [
    {
      factor: "denial_rate",
      value: round(denialRate),
      points: enough
        ? band(denialRate, [
            [0.5, 3],
            [0.3, 2],
            [0.15, 1],
          ])
        : 0,
      detail: enough ? `${pct(denialRate)} of ${h.decided} decided intents in 30 days were denied` : `only ${h.decided} decided intents in 30 days`,
    },
    {
      factor: "low_confidence_share",
      value: round(lowShare),
      points: enough
        ? band(lowShare, [
            [0.4, 2],
            [0.2, 1],
          ])
        : 0,
      detail: `${pct(lowShare)} of intents had confidence below ${LOW_CONFIDENCE}`,
    },
    {
      factor: "spend_velocity",
      value: round(velocity),
      points: band(velocity, [
        [1.5, 2],
        [1.1, 1],
      ]),
      detail: h.monthlyBudget ? `month-to-date spend runs at ${pct(velocity)} of the monthly budget's pace` : "no monthly budget to measure against",
    },
    {
      factor: "rejected_approvals",
      value: h.rejectedApprovals,
      points: band(h.rejectedApprovals, [
        [5, 2],
        [2, 1],
      ]),
      detail: `${h.rejectedApprovals} approval requests rejected by people in 30 days`,
    },
  ];
  const score = factors.reduce((s, f) => s + f.points, 0);
  const computed: RiskLevel = score >= 6 ? "critical" : score >= 4 ? "high" : score >= 2 ? "medium" : "low";
  return { level: override ?? computed, computed, override, score, factors };
}

/** Month-to-date spend divided by the budget share of the month elapsed so far (1 = on pace). */
function budgetVelocity(h: RiskHistory): number {
  if (!h.monthlyBudget) return 0;
  const month = monthWindow(h.now, h.timeZone);
  const start = month.start.getTime();
  const end = month.resetsAt.getTime();
  // At least one day elapsed, so the first hours of a month do not look like a spree.
  const elapsed = Math.max((h.now.getTime() - start) / (end - start), 1 / 31);
  return h.spentThisMonth / (h.monthlyBudget * elapsed);
}

const round = (x: number) => Math.round(x * 1000) / 1000;
