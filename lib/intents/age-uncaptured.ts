import type { DbOrTx } from "@/lib/db/client";

/** The ageing buckets of approvals nobody has captured or voided, by days since approval. */
export const AGEING_BUCKETS = [
  { key: "0-2", label: "Under 2 days", maxDays: 2 },
  { key: "2-7", label: "2–7 days", maxDays: 7 },
  { key: "7-30", label: "7–30 days", maxDays: 30 },
  { key: "30+", label: "Over 30 days", maxDays: null },
] as const;
export type AgeingRow = { bucket: (typeof AGEING_BUCKETS)[number]["key"]; currency: string; count: number; amount: number };

/**
 * How long approved money has waited for a capture or void, per bucket and currency, to the
 * millisecond, without reading every open approval (651,288 of them at ten million intents).
 * The awaiting-settlement counters (per agent and UTC day of approval, kept by triggers on
 * intents) answer for every day wholly inside one bucket; the three days a bucket's edge falls in
 * (2, 7 and 30 days before `now`) are read from intents_awaiting_settlement_idx, index-only, and
 * bucketed by the exact time. So the cost is a row per agent and open day plus three days of open
 * approvals, whatever the history.
 */
export async function ageUncaptured(db: DbOrTx, orgId: string, now = new Date()): Promise<AgeingRow[]> {
  const rows = await db.$queryRaw<{ bucket: string; currency: string; count: bigint; amount: bigint }[]>`
    WITH edge AS (
      SELECT ${now}::timestamp - interval '2 days' AS t2, ${now}::timestamp - interval '7 days' AS t7, ${now}::timestamp - interval '30 days' AS t30
    ), edge_day AS (SELECT t2::date AS d2, t7::date AS d7, t30::date AS d30 FROM edge),
    whole_days AS (
      SELECT CASE WHEN c.day > d.d2 THEN '0-2' WHEN c.day > d.d7 THEN '2-7' WHEN c.day > d.d30 THEN '7-30' ELSE '30+' END AS bucket,
        c.currency, c.count::bigint AS count, c.amount
      FROM awaiting_settlement_counters c CROSS JOIN edge_day d
      WHERE c.org_id = ${orgId} AND c.count <> 0 AND c.day NOT IN (d.d2, d.d7, d.d30)
    ), edge_days AS (
      SELECT CASE WHEN i.decided_at > e.t2 THEN '0-2' WHEN i.decided_at > e.t7 THEN '2-7' WHEN i.decided_at > e.t30 THEN '7-30' ELSE '30+' END AS bucket,
        i.currency, 1::bigint AS count, i.amount
      FROM edge e CROSS JOIN edge_day d CROSS JOIN LATERAL (VALUES (d.d2), (d.d7), (d.d30)) AS k(day)
      JOIN intents i ON i.org_id = ${orgId} AND i.status = 'approved' AND i.settlement IS NULL
        AND i.decided_at >= k.day AND i.decided_at < k.day + 1
    )
    SELECT bucket, currency, sum(count) AS count, sum(amount) AS amount
    FROM (SELECT * FROM whole_days UNION ALL SELECT * FROM edge_days) open
    GROUP BY 1, 2
    HAVING sum(count) <> 0`;
  return rows.map((r) => ({ bucket: r.bucket as AgeingRow["bucket"], currency: r.currency.trim(), count: Number(r.count), amount: Number(r.amount) }));
}
