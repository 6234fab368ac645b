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
 * How long approved money has waited for a capture or void, per bucket and currency, in one
 * grouped read of the open approvals: an index-only scan of intents_awaiting_settlement_idx, a
 * partial index holding exactly those rows with their currency and amount (the status and the
 * settlement are literals here so the planner can prove the index's predicate).
 */
export async function ageUncaptured(db: DbOrTx, orgId: string, now = new Date()): Promise<AgeingRow[]> {
  const rows = await db.$queryRaw<{ bucket: string; currency: string; count: bigint; amount: bigint }[]>`
    SELECT CASE
             WHEN decided_at > ${now}::timestamp - interval '2 days' THEN '0-2'
             WHEN decided_at > ${now}::timestamp - interval '7 days' THEN '2-7'
             WHEN decided_at > ${now}::timestamp - interval '30 days' THEN '7-30'
             ELSE '30+' END AS bucket,
           currency, count(*) AS count, sum(amount) AS amount
    FROM intents WHERE org_id = ${orgId} AND status = 'approved' AND settlement IS NULL
    GROUP BY 1, 2`;
  return rows.map((r) => ({ bucket: r.bucket as AgeingRow["bucket"], currency: r.currency.trim(), count: Number(r.count), amount: Number(r.amount) }));
}
