import type { DbOrTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RiskHistory } from "@/lib/agents/risk/compute-risk-level";
import { todaySql } from "@/lib/counters/counter-sql";

export type StatusCounts = { pending: number; pending_approval: number; approved: number; denied: number; expired: number };

export type AgentActivity = {
  /** Per currency, approved + held, by the day the intents were created (organisation's calendar). */
  spend: Map<string, { today: number; month: number }>;
  /** The last 30 days of the organisation's calendar, every currency. */
  recent: Omit<RiskHistory, "monthlyBudget" | "now" | "timeZone" | "spentThisMonth">;
  /** Every intent the agent ever submitted, by current status. */
  counts: StatusCounts;
};

/** Days of the organisation's calendar the risk score looks back over, today included. */
export const RISK_WINDOW_DAYS = 30;

const emptyActivity = (): AgentActivity => ({
  spend: new Map(),
  recent: { decided: 0, denied: 0, lowConfidence: 0, rejectedApprovals: 0 },
  counts: { pending: 0, pending_approval: 0, approved: 0, denied: 0, expired: 0 },
});

type Row = {
  agent_id: string;
  currency: string;
  spent_today: bigint;
  spent_month: bigint;
  decided: bigint;
  denied30: bigint;
  low_conf: bigint;
  rejected: bigint;
  pending: bigint;
  pending_approval: bigint;
  approved: bigint;
  denied: bigint;
  expired: bigint;
};

/**
 * Activity of several agents from their day counters, in one query whose cost grows with
 * the days an agent has been active, never with its intents.
 */
export async function loadAgentActivity(db: DbOrTx, agentIds: string[], now: Date, timeZone: string): Promise<Map<string, AgentActivity>> {
  const out = new Map(agentIds.map((id) => [id, emptyActivity()]));
  if (agentIds.length === 0) return out;
  const today = todaySql(now, timeZone);
  const recent = Prisma.sql`day > ${today} - ${RISK_WINDOW_DAYS}::int`;
  const rows = await db.$queryRaw<Row[]>`
    SELECT agent_id::text AS agent_id, currency,
      COALESCE(SUM(spent) FILTER (WHERE day = ${today}), 0)::bigint AS spent_today,
      COALESCE(SUM(spent) FILTER (WHERE day >= date_trunc('month', ${today})::date), 0)::bigint AS spent_month,
      COALESCE(SUM(pending_approval + approved + denied + expired) FILTER (WHERE ${recent}), 0)::bigint AS decided,
      COALESCE(SUM(denied) FILTER (WHERE ${recent}), 0)::bigint AS denied30,
      COALESCE(SUM(low_confidence) FILTER (WHERE ${recent}), 0)::bigint AS low_conf,
      COALESCE(SUM(rejected) FILTER (WHERE ${recent}), 0)::bigint AS rejected,
      SUM(pending)::bigint AS pending, SUM(pending_approval)::bigint AS pending_approval, SUM(approved)::bigint AS approved,
      SUM(denied)::bigint AS denied, SUM(expired)::bigint AS expired
    FROM agent_day_counters
    WHERE agent_id = ANY(${agentIds}::uuid[])
    GROUP BY agent_id, currency`;
  for (const r of rows) {
    const a = out.get(r.agent_id)!;
    a.spend.set(r.currency, { today: Number(r.spent_today), month: Number(r.spent_month) });
    a.recent.decided += Number(r.decided);
    a.recent.denied += Number(r.denied30);
    a.recent.lowConfidence += Number(r.low_conf);
    a.recent.rejectedApprovals += Number(r.rejected);
    a.counts.pending += Number(r.pending);
    a.counts.pending_approval += Number(r.pending_approval);
    a.counts.approved += Number(r.approved);
    a.counts.denied += Number(r.denied);
    a.counts.expired += Number(r.expired);
  }
  return out;
}
