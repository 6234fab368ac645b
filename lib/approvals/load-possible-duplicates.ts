import type { DbOrTx } from "@/lib/db/client";
import { sql } from "kysely";
import { sqlFrom } from "@/lib/db/sql";
import { INTENT_ID_PREFIX } from "@/lib/db/ids";
import { idRangeOfDates } from "@/lib/db/id-ranges";

/** Same agent, same merchant, an amount within this share of the other, inside this window (either side). */
export const DUPLICATE_WINDOW_HOURS = 72;
export const DUPLICATE_TOLERANCE = 0.05;

export type PossibleDuplicate = { id: string; amount: number; currency: string; status: string; created_at: string };

/**
 * Intents that look like the same request made twice, for each card of a page, in one query:
 * a LATERAL probe per card on intents_agent_merchant_probe_idx, at most 3 each. The
 * inbox flags them so a person does not pay one invoice twice.
 */
export async function loadPossibleDuplicates(
  db: DbOrTx,
  orgId: string,
  cards: { intentId: string; agentId: string; merchant: string | null; amount: bigint; currency: string; createdAt: Date }[],
): Promise<Map<string, PossibleDuplicate[]>> {
  const out = new Map<string, PossibleDuplicate[]>();
  const named = cards.filter((c) => c.merchant !== null);
  if (named.length === 0) return out;
  // The cards' whole span as an id range too, so the planner prunes to the months it covers (the
  // LATERAL bounds are only known per row): probing every month's partition cost more than the
  // probes that can match, on a page of approvals that mostly wait a few days.
  const times = named.map((c) => c.createdAt.getTime());
  const span = DUPLICATE_WINDOW_HOURS * 3_600_000;
  const ids = idRangeOfDates(INTENT_ID_PREFIX, new Date(Math.min(...times) - span), new Date(Math.max(...times) + span))!; // the partition key is the id (lib/db/id-ranges.ts)
  // Arrays, not a VALUES list: one statement text whatever the page holds, so its plan is prepared once per connection.
  const { rows } = await sql<{ card: string; id: string; amount: number; currency: string; status: string; created_at: Date }>`
    SELECT p.id AS card, x.id, x.amount, x.currency, x.status::text AS status, x.created_at
    FROM unnest(${named.map((c) => c.intentId)}::text[], ${named.map((c) => c.agentId)}::uuid[], ${named.map((c) => c.merchant)}::text[],
      ${named.map((c) => c.currency)}::text[], ${named.map((c) => c.amount.toString())}::bigint[], ${named.map((c) => c.createdAt.toISOString())}::timestamptz[])
      AS p(id, agent_id, merchant, currency, amount, created_at)
    CROSS JOIN LATERAL (
      SELECT i.id, i.amount, i.currency, i.status, i.created_at FROM intents i
      WHERE i.agent_id = p.agent_id AND i.merchant = p.merchant AND i.org_id = ${orgId}
        AND i.created_at BETWEEN (p.created_at AT TIME ZONE 'UTC') - make_interval(hours => ${DUPLICATE_WINDOW_HOURS})
          AND (p.created_at AT TIME ZONE 'UTC') + make_interval(hours => ${DUPLICATE_WINDOW_HOURS})
        AND (i.id < ${ids.oldBelow} OR i.id >= ${ids.oldFrom} OR (i.id >= ${ids.low!} AND i.id < ${ids.high!}))
        AND i.id <> p.id AND i.currency = p.currency AND i.status <> 'denied'
        AND abs(i.amount - p.amount) <= ${DUPLICATE_TOLERANCE}::float8 * p.amount
      ORDER BY i.created_at DESC LIMIT 3
    ) x`.execute(sqlFrom(db));
  for (const r of rows) {
    const list = out.get(r.card) ?? [];
    list.push({ id: r.id, amount: Number(r.amount), currency: r.currency.trim(), status: r.status, created_at: new Date(r.created_at).toISOString() });
    out.set(r.card, list);
  }
  return out;
}
