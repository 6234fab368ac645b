import { sql } from "kysely";
import { pipelined, type SqlTx } from "@/lib/db/sql";
import type { RiskLevel, SpendingFreeze } from "@/lib/policies/engine/types";
import { activeFreeze } from "@/lib/organizations/active-freeze";
import { todaySql } from "@/lib/counters/counter-sql";
import { counterTotalsSql, type CounterTotals } from "@/lib/counters/counter-totals";
import { activityFromTotals, type AgentActivity } from "@/lib/agents/risk/load-agent-activity";

export type DecisionInputs = {
  agent: { id: string; name: string; status: "active" | "suspended"; riskOverride: RiskLevel | null };
  wallet: { id: string; currency: string; balance: number; held: number; lowBalanceThreshold: number | null } | null;
  /** Budgets and risk from the day counters (counterTotalsSql), every currency. */
  activity: AgentActivity;
  intentsLastHour: number;
  /** The kill switch, read fresh (never cached): the organisation's freeze wins over the agent's. */
  freeze: SpendingFreeze | null;
};

/**
 * Locks the agent row, checking it belongs to the organisation (null when it does not: the
 * caller answers 404). One agent's decisions, approval outcomes and settlements take this lock
 * first, so they run one at a time and each sees the money and counters of the one before.
 */
export async function lockAgent(tx: SqlTx, orgId: string, agentId: string): Promise<boolean> {
  return (await lockAgentQuery(tx, orgId, agentId).executeTakeFirst()) !== undefined;
}

const lockAgentQuery = (tx: SqlTx, orgId: string, agentId: string) =>
  tx.selectFrom("agents").select("id").where("id", "=", agentId).where("org_id", "=", orgId).forUpdate();

/**
 * Everything a decision reads, in two statements sent together (one round trip, with the
 * transaction's BEGIN): lock the agent row (lockAgent), then read its wallet in the currency,
 * the freezes and its counters: budgets of today and this month (organisation's calendar), the
 * rolling hour (the current minute and the 59 before it) and the risk score's 30 days.
 * `alreadyCounted`: the intent being decided is stored and so already in the hour's count.
 * Returns null when the agent is not the organisation's.
 */
export async function lockDecisionInputs(
  tx: SqlTx,
  q: { orgId: string; agentId: string; currency: string; now: Date; timeZone: string; alreadyCounted: boolean },
): Promise<DecisionInputs | null> {
  // The lock is its own statement: a statement that waits for a row lock still reads every
  // other row (wallet, counters) from the snapshot it started with, i.e. before the decision
  // it waited for committed. The read is the next statement, so it starts after the lock is held.
  const today = todaySql(q.now, q.timeZone);
  const read = tx
    .selectFrom("agents as a")
    .innerJoin("organizations as o", "o.id", "a.org_id")
    .leftJoin("wallets as w", (j) => j.onRef("w.agent_id", "=", "a.id").on("w.currency", "=", q.currency))
    .select([
      "a.name",
      "a.status",
      "a.risk_override",
      "a.frozen_at",
      "a.frozen_by",
      "a.frozen_reason",
      "o.frozen_at as org_frozen_at",
      "o.frozen_by as org_frozen_by",
      "o.frozen_reason as org_frozen_reason",
      "w.id as wallet_id",
      "w.balance",
      "w.held",
      "w.low_balance_threshold",
      sql<CounterTotals[] | null>`(SELECT json_agg(t) FROM (${counterTotalsSql([q.agentId], today, "decision")}) t)`.as("totals"),
      sql<number>`(SELECT COALESCE(SUM(intents), 0)::bigint FROM agent_minute_counters
        WHERE agent_id = a.id AND minute > date_trunc('minute', ${q.now.toISOString()}::timestamptz AT TIME ZONE 'UTC') - interval '1 hour')`.as("last_hour"),
    ])
    .where("a.id", "=", q.agentId)
    .where("a.org_id", "=", q.orgId);
  const [locked, [r]] = await pipelined(tx, [lockAgentQuery(tx, q.orgId, q.agentId), read] as const);
  if (locked.length === 0 || !r) return null;
  return {
    agent: { id: q.agentId, name: r.name, status: r.status, riskOverride: r.risk_override },
    wallet: r.wallet_id ? { id: r.wallet_id, currency: q.currency, balance: r.balance!, held: r.held!, lowBalanceThreshold: r.low_balance_threshold } : null,
    activity: activityFromTotals([q.agentId], r.totals ?? []).get(q.agentId)!,
    intentsLastHour: Math.max(0, r.last_hour - (q.alreadyCounted ? 1 : 0)),
    freeze: activeFreeze(
      { frozenAt: r.org_frozen_at, frozenBy: r.org_frozen_by, frozenReason: r.org_frozen_reason },
      { frozenAt: r.frozen_at, frozenBy: r.frozen_by, frozenReason: r.frozen_reason },
    ),
  };
}
