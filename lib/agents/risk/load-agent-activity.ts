import type { Db } from "@/lib/db/client";
import { sqlFrom, type SqlDb } from "@/lib/db/sql";
import type { RiskHistory } from "@/lib/agents/risk/compute-risk-level";
import { todaySql } from "@/lib/counters/counter-sql";
import { counterTotalsSql, type CounterTotals } from "@/lib/counters/counter-totals";

export { RISK_WINDOW_DAYS } from "@/lib/counters/counter-totals";

export type StatusCounts = { pending: number; pending_approval: number; approved: number; denied: number; expired: number };

export type AgentActivity = {
  /** Per currency, approved + held, by the day the intents were created (organisation's calendar). */
  spend: Map<string, { today: number; month: number }>;
  /** The last 30 days of the organisation's calendar, every currency. */
  recent: Omit<RiskHistory, "monthlyBudget" | "now" | "timeZone" | "spentThisMonth">;
  /** Every intent over the days read, by current status. */
  counts: StatusCounts;
};

const emptyActivity = (): AgentActivity => ({
  spend: new Map(),
  recent: { decided: 0, denied: 0, lowConfidence: 0, rejectedApprovals: 0 },
  counts: { pending: 0, pending_approval: 0, approved: 0, denied: 0, expired: 0 },
});

/** Folds the per-currency counter totals (counterTotalsSql) into each agent's activity. */
export function activityFromTotals(agentIds: string[], rows: CounterTotals[]): Map<string, AgentActivity> {
  const out = new Map(agentIds.map((id) => [id, emptyActivity()]));
  for (const r of rows) {
    const a = out.get(r.agent_id) ?? out.set(r.agent_id, emptyActivity()).get(r.agent_id)!;
    a.spend.set(r.currency, { today: r.spent_today, month: r.spent_month });
    a.recent.decided += r.decided;
    a.recent.denied += r.denied_recent;
    a.recent.lowConfidence += r.low_confidence;
    a.recent.rejectedApprovals += r.rejected;
    a.counts.pending += r.pending;
    a.counts.pending_approval += r.pending_approval;
    a.counts.approved += r.approved;
    a.counts.denied += r.denied;
    a.counts.expired += r.expired;
  }
  return out;
}

/**
 * Activity of several agents from their day counters, in one query: every day (lifetime status
 * counts), or with `window` "decision" only the days spend and risk need (this month and the risk
 * window), so the read does not grow with how long the agents have been active.
 */
export async function loadAgentActivity(
  db: Db | SqlDb,
  agentIds: string[],
  now: Date,
  timeZone: string,
  window: "decision" | "all" = "all",
): Promise<Map<string, AgentActivity>> {
  if (agentIds.length === 0) return new Map();
  const q = sqlFrom(db);
  const { rows } = await counterTotalsSql(agentIds, todaySql(now, timeZone), window).execute(q);
  return activityFromTotals(agentIds, rows);
}
