import type { DbOrTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

/** Same agent, same merchant, an amount within this share of the other, inside this window (either side). */
export const DUPLICATE_WINDOW_HOURS = 72;
export const DUPLICATE_TOLERANCE = 0.05;

export type PossibleDuplicate = { id: string; amount: number; currency: string; status: string; created_at: string };

/**
 * Intents that look like the same request made twice, for each card of a page, in one query:
 * a LATERAL probe per card on the (agent_id, merchant, created_at) index, at most 3 each. The
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
  const window = `${DUPLICATE_WINDOW_HOURS} hours`;
  const values = Prisma.join(
    named.map((c) => Prisma.sql`(${c.intentId}, ${c.agentId}::uuid, ${c.merchant}, ${c.currency}, ${c.amount}::bigint, ${c.createdAt}::timestamp)`),
  );
  const rows = await db.$queryRaw<{ card: string; id: string; amount: bigint; currency: string; status: string; created_at: Date }[]>`
    SELECT p.id AS card, x.id, x.amount, x.currency, x.status::text AS status, x.created_at
    FROM (VALUES ${values}) AS p(id, agent_id, merchant, currency, amount, created_at)
    CROSS JOIN LATERAL (
      SELECT i.id, i.amount, i.currency, i.status, i.created_at FROM intents i
      WHERE i.agent_id = p.agent_id AND i.merchant = p.merchant AND i.org_id = ${orgId}
        AND i.created_at BETWEEN p.created_at - ${window}::interval AND p.created_at + ${window}::interval
        AND i.id <> p.id AND i.currency = p.currency AND i.status <> 'denied'
        AND abs(i.amount - p.amount) <= ${DUPLICATE_TOLERANCE}::float8 * p.amount
      ORDER BY i.created_at DESC LIMIT 3
    ) x`;
  for (const r of rows) {
    const list = out.get(r.card) ?? [];
    list.push({ id: r.id, amount: Number(r.amount), currency: r.currency.trim(), status: r.status, created_at: new Date(r.created_at).toISOString() });
    out.set(r.card, list);
  }
  return out;
}
