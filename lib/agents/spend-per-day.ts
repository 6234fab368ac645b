import type { DbOrTx } from "@/lib/db/client";

export type DaySpend = { day: string; amount: number }; // day = YYYY-MM-DD (UTC)

const DAY_MS = 86_400_000;

/**
 * An agent's spend per UTC day for the last `days` days (today included), zero-filled:
 * approved intents plus those held for approval, the same measure as the budget rules.
 */
export async function spendPerDay(db: DbOrTx, orgId: string, agentId: string, currency: string, days = 30, now = new Date()): Promise<DaySpend[]> {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const from = new Date(today - (days - 1) * DAY_MS);
  const rows = await db.$queryRaw<{ day: string; amount: bigint }[]>`
    SELECT to_char(date_trunc('day', created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, SUM(amount)::bigint AS amount
    FROM intents
    WHERE org_id = ${orgId} AND agent_id = ${agentId}::uuid AND currency = ${currency}
      AND status IN ('approved', 'pending_approval') AND created_at >= ${from}
    GROUP BY 1`;
  const byDay = new Map(rows.map((r) => [r.day, Number(r.amount)]));
  return Array.from({ length: days }, (_, n) => {
    const day = new Date(from.getTime() + n * DAY_MS).toISOString().slice(0, 10);
    return { day, amount: byDay.get(day) ?? 0 };
  });
}
