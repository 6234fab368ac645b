import type { DbOrTx } from "@/lib/db/client";
import { dayWindow, localDate } from "@/lib/policies/engine";

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
 * included), zero-filled: approved intents plus those held for approval, the same measure
 * as the budget rules.
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
  // Midday of the first date, in UTC, always falls inside that local date's window.
  const from = dayWindow(new Date(`${dates[0]}T12:00:00Z`), timeZone).start;
  const rows = await db.$queryRaw<{ day: string; amount: bigint }[]>`
    -- created_at is a UTC wall time without a zone: read it as UTC first, then as the zone's wall time.
    SELECT to_char(((created_at AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone})::date, 'YYYY-MM-DD') AS day, SUM(amount)::bigint AS amount
    FROM intents
    WHERE org_id = ${orgId} AND agent_id = ${agentId}::uuid AND currency = ${currency}
      AND status IN ('approved', 'pending_approval') AND created_at >= ${from}
    GROUP BY 1`;
  const byDay = new Map(rows.map((r) => [r.day, Number(r.amount)]));
  return dates.map((day) => ({ day, amount: byDay.get(day) ?? 0 }));
}
