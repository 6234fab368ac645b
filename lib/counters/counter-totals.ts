import { sql, type RawBuilder } from "kysely";

/** Days of the organisation's calendar the risk score looks back over, today included. */
export const RISK_WINDOW_DAYS = 30;

export type CounterTotals = {
  agent_id: string;
  currency: string;
  /** Approved + held, by the day the intents were created (organisation's calendar). */
  spent_today: number;
  spent_month: number;
  /** The risk score's window (RISK_WINDOW_DAYS). */
  decided: number;
  denied_recent: number;
  low_confidence: number;
  rejected: number;
  /** Intents by current status, over the days read. */
  pending: number;
  pending_approval: number;
  approved: number;
  denied: number;
  expired: number;
};

/**
 * THE budget and risk aggregates over the day counters, per agent and currency: what decisions,
 * approval re-checks, agent pages and the inbox all read. `today` is the organisation's today;
 * `window` limits the days read to those the budgets and the risk score need (a decision), or
 * takes every day (lifetime status counts for the agent page). Cost grows with the days an
 * agent has been active, never with its intents.
 */
export function counterTotalsSql(agentIds: string[], today: RawBuilder<Date>, window: "decision" | "all") {
  const recent = sql`day > ${today} - ${RISK_WINDOW_DAYS}::int`;
  const since = window === "decision" ? sql`AND day >= LEAST(date_trunc('month', ${today})::date, ${today} - ${RISK_WINDOW_DAYS - 1}::int)` : sql``;
  return sql<CounterTotals>`
    SELECT agent_id::text AS agent_id, currency,
      COALESCE(SUM(spent) FILTER (WHERE day = ${today}), 0)::bigint AS spent_today,
      COALESCE(SUM(spent) FILTER (WHERE day >= date_trunc('month', ${today})::date), 0)::bigint AS spent_month,
      COALESCE(SUM(pending_approval + approved + denied + expired) FILTER (WHERE ${recent}), 0)::bigint AS decided,
      COALESCE(SUM(denied) FILTER (WHERE ${recent}), 0)::bigint AS denied_recent,
      COALESCE(SUM(low_confidence) FILTER (WHERE ${recent}), 0)::bigint AS low_confidence,
      COALESCE(SUM(rejected) FILTER (WHERE ${recent}), 0)::bigint AS rejected,
      SUM(pending)::bigint AS pending, SUM(pending_approval)::bigint AS pending_approval, SUM(approved)::bigint AS approved,
      SUM(denied)::bigint AS denied, SUM(expired)::bigint AS expired
    FROM agent_day_counters
    WHERE agent_id = ANY(${agentIds}::uuid[]) ${since}
    GROUP BY agent_id, currency`;
}
