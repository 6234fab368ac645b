import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RiskLevel, SpendingFreeze } from "@/lib/policies/engine/types";
import { activeFreeze } from "@/lib/organizations/active-freeze";
import { todaySql } from "@/lib/counters/counter-sql";
import { RISK_WINDOW_DAYS } from "@/lib/agents/risk/load-agent-activity";

export type DecisionInputs = {
  agent: { id: string; name: string; status: "active" | "suspended"; riskOverride: RiskLevel | null };
  wallet: { id: string; currency: string; balance: number; held: number } | null;
  usage: { spentToday: number; spentThisMonth: number; intentsLastHour: number };
  recent: { decided: number; denied: number; lowConfidence: number; rejectedApprovals: number };
  /** The kill switch, read fresh (never cached): the organisation's freeze wins over the agent's. */
  freeze: SpendingFreeze | null;
};

type Frozen = { frozenAt: Date | null; frozenBy: string | null; frozenReason: string | null };
type Row = {
  name: string;
  agent_frozen: Frozen;
  org_frozen: Frozen;
  status: "active" | "suspended";
  risk_override: RiskLevel | null;
  wallet_id: string | null;
  balance: bigint | null;
  held: bigint | null;
  spent_today: bigint;
  spent_month: bigint;
  decided: bigint;
  denied: bigint;
  low_conf: bigint;
  rejected: bigint;
  last_hour: bigint;
};

/**
 * Everything a decision reads, in two statements: locks the agent row (so one agent's
 * decisions run one at a time and each sees the spend of the one before), then reads its
 * wallet in the currency and its counters: budgets of today and this month (organisation's
 * calendar), the rolling hour (the current minute and the 59 before it) and the risk
 * score's 30 days. Cost grows with the days in those windows, never with the agent's history.
 * `alreadyCounted`: the intent being decided is stored and so already in the hour's count.
 */
export async function lockDecisionInputs(
  tx: Tx,
  q: { orgId: string; agentId: string; currency: string; now: Date; timeZone: string; alreadyCounted: boolean },
): Promise<DecisionInputs | null> {
  // The lock is its own statement: a statement that waits for a row lock still reads every
  // other row (wallet, counters) from the snapshot it started with, i.e. before the decision
  // it waited for committed. The read below starts after the lock is held.
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM agents WHERE id = ${q.agentId}::uuid AND org_id = ${q.orgId} FOR UPDATE`;
  if (locked.length === 0) return null;
  const today = todaySql(q.now, q.timeZone);
  const recent = Prisma.sql`day > ${today} - ${RISK_WINDOW_DAYS}::int`;
  const [r] = await tx.$queryRaw<Row[]>`
    SELECT a.name, a.status::text AS status,
      json_build_object('frozenAt', a.frozen_at, 'frozenBy', a.frozen_by, 'frozenReason', a.frozen_reason) AS agent_frozen,
      json_build_object('frozenAt', o.frozen_at, 'frozenBy', o.frozen_by, 'frozenReason', o.frozen_reason) AS org_frozen, a.risk_override::text AS risk_override, w.id AS wallet_id, w.balance, w.held,
      c.spent_today, c.spent_month, c.decided, c.denied, c.low_conf, c.rejected, m.last_hour
    FROM agents a
    JOIN organizations o ON o.id = a.org_id
    LEFT JOIN wallets w ON w.agent_id = a.id AND w.currency = ${q.currency}
    CROSS JOIN LATERAL (
      SELECT
        COALESCE(SUM(spent) FILTER (WHERE currency = ${q.currency} AND day = ${today}), 0)::bigint AS spent_today,
        COALESCE(SUM(spent) FILTER (WHERE currency = ${q.currency} AND day >= date_trunc('month', ${today})::date), 0)::bigint AS spent_month,
        COALESCE(SUM(pending_approval + approved + denied + expired) FILTER (WHERE ${recent}), 0)::bigint AS decided,
        COALESCE(SUM(denied) FILTER (WHERE ${recent}), 0)::bigint AS denied,
        COALESCE(SUM(low_confidence) FILTER (WHERE ${recent}), 0)::bigint AS low_conf,
        COALESCE(SUM(rejected) FILTER (WHERE ${recent}), 0)::bigint AS rejected
      FROM agent_day_counters
      WHERE agent_id = a.id AND day >= LEAST(date_trunc('month', ${today})::date, ${today} - ${RISK_WINDOW_DAYS - 1}::int)
    ) c
    CROSS JOIN LATERAL (
      SELECT COALESCE(SUM(intents), 0)::bigint AS last_hour FROM agent_minute_counters
      WHERE agent_id = a.id AND minute > date_trunc('minute', ${q.now.toISOString()}::timestamptz AT TIME ZONE 'UTC') - interval '1 hour'
    ) m
    WHERE a.id = ${q.agentId}::uuid`;
  if (!r) return null;
  return {
    agent: { id: q.agentId, name: r.name, status: r.status, riskOverride: r.risk_override },
    wallet: r.wallet_id ? { id: r.wallet_id, currency: q.currency, balance: Number(r.balance), held: Number(r.held) } : null,
    usage: {
      spentToday: Number(r.spent_today),
      spentThisMonth: Number(r.spent_month),
      intentsLastHour: Math.max(0, Number(r.last_hour) - (q.alreadyCounted ? 1 : 0)),
    },
    freeze: activeFreeze(asFrozen(r.org_frozen), asFrozen(r.agent_frozen)),
    recent: { decided: Number(r.decided), denied: Number(r.denied), lowConfidence: Number(r.low_conf), rejectedApprovals: Number(r.rejected) },
  };
}

/** json_build_object gives the timestamp as text (UTC, no zone): back to a Date. */
const asFrozen = (f: Frozen): Frozen => ({ ...f, frozenAt: f.frozenAt ? new Date(`${String(f.frozenAt)}Z`) : null });
