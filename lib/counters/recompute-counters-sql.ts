import { sql } from "kysely";
import { LOW_CONFIDENCE } from "@/lib/agents/risk/compute-risk-level";
import { intentDimensionKeySql, localDaySql } from "./counter-sql";

/** How far back velocity buckets are kept (the rolling hour needs one; the sweep prunes older ones). */
export const MINUTE_COUNTERS_KEPT = sql`interval '2 hours'`;

/**
 * What one approved (or held) intent counts against its day's spend: the approval, or what was
 * captured when a person or the system settled it (an agent's own settlement keeps the whole
 * approval), less what the merchant refunded through a card rail, plus what a card authorization
 * debited over the intent within tolerance and has not returned, plus what the card captured
 * after the intent was settled. Needs `i` (intents) and `rx`
 * (railExtraSql) in scope.
 */
const intentSpendSql = sql`(CASE WHEN i.settled_by_agent THEN i.amount ELSE COALESCE(i.captured_amount, i.amount) END - i.refunded_amount + i.captured_after_settlement + COALESCE(rx.extra, 0))`;

/** Per intent, what its card authorizations debited over it within tolerance and kept (one row per intent, so the join multiplies nothing). */
const railExtraSql = (orgId: string) => sql`LEFT JOIN (
    SELECT intent_id, SUM(extra_debited)::bigint AS extra FROM rail_authorizations
    WHERE org_id = ${orgId} AND intent_id IS NOT NULL AND extra_debited <> 0 GROUP BY intent_id
  ) rx ON rx.intent_id = i.id`;

/**
 * The day counters as a recomputation from the intents (and their approvals) would make
 * them: the single definition the rebuild writes and the drift check compares against. A
 * change to what the counters count (counterDelta) must be mirrored here.
 */
export const recomputedDayCountersSql = (orgId: string) => sql`
  SELECT i.agent_id, i.currency, ${localDaySql(sql`i.created_at`, sql`o.time_zone`)} AS day, i.org_id,
    COALESCE(SUM(${intentSpendSql})
      FILTER (WHERE i.status IN ('approved', 'pending_approval')), 0)::bigint AS spent,
    COUNT(*) FILTER (WHERE i.status = 'pending')::int AS pending,
    COUNT(*) FILTER (WHERE i.status = 'pending_approval')::int AS pending_approval,
    COUNT(*) FILTER (WHERE i.status = 'approved')::int AS approved,
    COUNT(*) FILTER (WHERE i.status = 'denied')::int AS denied,
    COUNT(*) FILTER (WHERE i.status = 'expired')::int AS expired,
    COUNT(*) FILTER (WHERE i.status <> 'pending' AND i.confidence < ${LOW_CONFIDENCE})::int AS low_confidence,
    COUNT(a.id) FILTER (WHERE a.status = 'rejected')::int AS rejected,
    COALESCE(SUM(i.amount) FILTER (WHERE i.status = 'approved'), 0)::bigint AS approved_amount,
    COALESCE(SUM(i.captured_amount) FILTER (WHERE i.status = 'approved'), 0)::bigint AS captured_amount,
    COALESCE(SUM(i.amount - i.captured_amount) FILTER (WHERE i.status = 'approved'), 0)::bigint AS returned_amount,
    COUNT(*) FILTER (WHERE i.status = 'approved' AND i.settlement = 'captured')::int AS captured,
    COUNT(*) FILTER (WHERE i.status = 'approved' AND i.settlement = 'captured' AND i.captured_amount < i.amount)::int AS partial,
    COUNT(*) FILTER (WHERE i.status = 'approved' AND i.settlement = 'voided')::int AS voided
  FROM intents i JOIN organizations o ON o.id = i.org_id LEFT JOIN approvals a ON a.intent_id = i.id ${railExtraSql(orgId)}
  WHERE i.org_id = ${orgId}
  GROUP BY 1, 2, 3, 4`;

/**
 * The by-category and by-merchant spend rows as a recomputation would make them: the `spent`
 * of recomputedDayCountersSql split by the intent's category and merchant. Only non-zero rows;
 * the check treats a missing row as zero.
 */
export const recomputedSpendDimensionsSql = (orgId: string) => sql`
  SELECT i.agent_id, i.currency, ${localDaySql(sql`i.created_at`, sql`o.time_zone`)} AS day, d.dimension, ${intentDimensionKeySql()} AS key, i.org_id,
    SUM(${intentSpendSql})::bigint AS spent
  FROM intents i JOIN organizations o ON o.id = i.org_id ${railExtraSql(orgId)} CROSS JOIN (VALUES ('category'), ('merchant')) d (dimension)
  WHERE i.org_id = ${orgId} AND i.status IN ('approved', 'pending_approval')
  GROUP BY 1, 2, 3, 4, 5, 6
  HAVING SUM(${intentSpendSql}) <> 0`;

/**
 * The awaiting-settlement counters as a recomputation would make them: approved intents without a
 * settlement, per agent, currency and UTC day of approval (what the triggers of migration
 * 20261207130000_awaiting_settlement_counters keep). Only open days.
 */
export const recomputedAwaitingSettlementSql = (orgId: string) => sql`
  SELECT agent_id, currency, COALESCE(decided_at, created_at)::date AS day, org_id, COUNT(*)::int AS count, SUM(amount)::bigint AS amount
  FROM intents
  WHERE org_id = ${orgId} AND status = 'approved' AND settlement IS NULL
  GROUP BY 1, 2, 3, 4`;

/** The same per UTC hour of approval (awaiting_settlement_hours). */
export const recomputedAwaitingSettlementHoursSql = (orgId: string) => sql`
  SELECT agent_id, currency, date_trunc('hour', COALESCE(decided_at, created_at)) AS hour, org_id, COUNT(*)::int AS count, SUM(amount)::bigint AS amount
  FROM intents
  WHERE org_id = ${orgId} AND status = 'approved' AND settlement IS NULL
  GROUP BY 1, 2, 3, 4`;

/** The oldest minute whose velocity bucket is still kept at `now`. */
export const keptMinutesFromSql = (now: Date) =>
  sql<Date>`(date_trunc('minute', ${now.toISOString()}::timestamptz AT TIME ZONE 'UTC') - ${MINUTE_COUNTERS_KEPT})`;

/** Velocity buckets recomputed from the intents, for the minutes still kept. */
export const recomputedMinuteCountersSql = (orgId: string, now: Date) => sql`
  SELECT agent_id, date_trunc('minute', created_at) AS minute, COUNT(*)::int AS intents
  FROM intents
  WHERE org_id = ${orgId} AND created_at >= ${keptMinutesFromSql(now)}
  GROUP BY 1, 2`;
