import type { DbOrTx } from "@/lib/db/client";
import { localDate } from "@/lib/policies/engine";

export type DaySpend = { day: string; amount: number }; // day = YYYY-MM-DD in the organisation's time zone

const DAY_MS = 86_400_000;

/** The `days` calendar dates ending today in `timeZone`, oldest first. */
export function lastDays(now: Date, timeZone: string, days: number): string[] {
  const today = localDate(now, timeZone);
  const noon = Date.parse(`${today}T12:00:00Z`);
  return Array.from({ length: days }, (_, n) => new Date(noon - (days - 1 - n) * DAY_MS).toISOString().slice(0, 10));
}

/**
 * An agent's spend per day of the organisation's calendar for the last `days` days (today
 * included), zero-filled, from its day counters: approved intents (what they captured, once
 * settled) plus those held for approval, the same measure as the budget rules.
 */
export async function spendPerDay(
  db: DbOrTx,
  orgId: string,
  agentId: string,
  currency: string,
  timeZone: string,
  days = 30,
  now = new Date(),
): Promise<DaySpend[]> {
  const dates = lastDays(now, timeZone, days);
  const rows = await db.$queryRaw<{ day: string; amount: bigint }[]>`
    SELECT to_char(day, 'YYYY-MM-DD') AS day, spent AS amount
    FROM agent_day_counters
    WHERE org_id = ${orgId} AND agent_id = ${agentId}::uuid AND currency = ${currency} AND day >= ${dates[0]}::date`;
  const byDay = new Map(rows.map((r) => [r.day, Number(r.amount)]));
  return dates.map((day) => ({ day, amount: byDay.get(day) ?? 0 }));
}
