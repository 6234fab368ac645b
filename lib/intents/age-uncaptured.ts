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
 * Open approvals are counted per agent by UTC day and by UTC hour of approval (triggers on
 * intents keep both). A day wholly inside one bucket is read from the day counters; on the three
 * days a bucket's edge falls in (2, 7 and 30 days before `now`) the hour counters answer for every
 * hour wholly on one side of the edge; only the three hours that hold an edge are read from
 * intents_awaiting_settlement_idx (index-only) and bucketed by the exact time. So the cost is a
 * row per agent and open day, a row per agent and open hour of three days, and three hours of
 * open approvals, whatever the history (reading the whole edge days was 92,000 rows at ten million).
 */
export async function ageUncaptured(db: DbOrTx, orgId: string, now = new Date()): Promise<AgeingRow[]> {
  const rows = await db.$queryRaw<{ bucket: string; currency: string; count: bigint; amount: bigint }[]>`
    WITH edge AS (
      SELECT ${now}::timestamp - interval '2 days' AS t2, ${now}::timestamp - interval '7 days' AS t7, ${now}::timestamp - interval '30 days' AS t30
    ), edge_day AS (
      SELECT t2::date AS d2, t7::date AS d7, t30::date AS d30,
        date_trunc('hour', t2) AS h2, date_trunc('hour', t7) AS h7, date_trunc('hour', t30) AS h30 FROM edge
    ), whole_days AS (
      SELECT CASE WHEN c.day > d.d2 THEN '0-2' WHEN c.day > d.d7 THEN '2-7' WHEN c.day > d.d30 THEN '7-30' ELSE '30+' END AS bucket,
        c.currency, c.count::bigint AS count, c.amount
      FROM awaiting_settlement_counters c CROSS JOIN edge_day d
      WHERE c.org_id = ${orgId} AND c.count <> 0 AND c.day NOT IN (d.d2, d.d7, d.d30)
    ), whole_hours AS (
      -- an hour that does not hold an edge is wholly before or after it, so its start decides
      SELECT CASE WHEN h.hour > e.t2 THEN '0-2' WHEN h.hour > e.t7 THEN '2-7' WHEN h.hour > e.t30 THEN '7-30' ELSE '30+' END AS bucket,
        h.currency, h.count::bigint AS count, h.amount
      FROM edge e CROSS JOIN edge_day d CROSS JOIN LATERAL (VALUES (d.d2), (d.d7), (d.d30)) AS k(day)
      JOIN awaiting_settlement_hours h ON h.org_id = ${orgId} AND h.count <> 0 AND h.hour >= k.day AND h.hour < k.day + 1
      WHERE h.hour NOT IN (d.h2, d.h7, d.h30)
    ), edge_hours AS (
      SELECT CASE WHEN i.decided_at > e.t2 THEN '0-2' WHEN i.decided_at > e.t7 THEN '2-7' WHEN i.decided_at > e.t30 THEN '7-30' ELSE '30+' END AS bucket,
        i.currency, 1::bigint AS count, i.amount
      FROM edge e CROSS JOIN edge_day d CROSS JOIN LATERAL (VALUES (d.h2), (d.h7), (d.h30)) AS k(hour)
      JOIN intents i ON i.org_id = ${orgId} AND i.status = 'approved' AND i.settlement IS NULL
        AND i.decided_at >= k.hour AND i.decided_at < k.hour + interval '1 hour'
    )
    SELECT bucket, currency, sum(count) AS count, sum(amount) AS amount
    FROM (SELECT * FROM whole_days UNION ALL SELECT * FROM whole_hours UNION ALL SELECT * FROM edge_hours) open
    GROUP BY 1, 2
    HAVING sum(count) <> 0`;
  return rows.map((r) => ({ bucket: r.bucket as AgeingRow["bucket"], currency: r.currency.trim(), count: Number(r.count), amount: Number(r.amount) }));
}
