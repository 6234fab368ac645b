import type { DbOrTx } from "@/lib/db/client";
import { lastDays } from "@/lib/agents/spend-per-day";
import type { SpendDimension } from "./counter-sql";

/** How many named rows a dimension shows; the rest are summed into OTHER_KEY. */
export const TOP_N = 10;
/** The key of the summed remainder; cannot collide with a real value, which is never empty-bracketed. */
export const OTHER_KEY = "\u0000other";

export type DimensionShare = { key: string; amount: number; share: number };
export type DimensionSpend = {
  dimension: SpendDimension;
  total: number;
  /** The top TOP_N keys by spend over the window, then OTHER_KEY when more had spend. "" is "none given". */
  top: DimensionShare[];
  /** How many keys were summed into OTHER_KEY (0 when none). */
  others: number;
  /** Per day of the window (oldest first), the amount of each key of `top`, in the same order. */
  days: { day: string; amounts: number[] }[];
};

/**
 * Spend over the last `days` days by merchant category or by merchant, from
 * spend_dimension_counters alone (an index-only range on org, currency, dimension and day; the
 * rows grow with agents × keys × days, never with intents). Keys beyond the top TOP_N are
 * summed as "Other" so a long tail of merchants cannot swamp the table or the chart.
 */
export async function loadSpendByDimension(
  db: DbOrTx,
  orgId: string,
  currency: string,
  timeZone: string,
  dimension: SpendDimension,
  days = 30,
  now = new Date(),
): Promise<DimensionSpend> {
  const dates = lastDays(now, timeZone, days);
  // Grouped by the date itself and named in SQL after the sums: to_char on each of 47,000 rows
  // (200 agents' merchants over a month) cost more than reading them, index-only.
  const rows = await db.$queryRaw<{ day: string; key: string; spent: number }[]>`
    SELECT to_char(day, 'YYYY-MM-DD') AS day, key, spent::float8 AS spent FROM (
      SELECT day, key, SUM(spent) AS spent
      FROM spend_dimension_counters
      WHERE org_id = ${orgId} AND currency = ${currency} AND dimension = ${dimension} AND day >= ${dates[0]}::date AND day <= ${dates.at(-1)}::date
      GROUP BY day, key
    ) per_day`;
  const byKey = new Map<string, number>();
  for (const r of rows) byKey.set(r.key, (byKey.get(r.key) ?? 0) + r.spent);
  // Ties go by name so the order (and so the colours) is stable from one load to the next.
  const ranked = [...byKey.entries()].filter(([, v]) => v !== 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const named = ranked.slice(0, TOP_N).map(([k]) => k);
  const keys = ranked.length > TOP_N ? [...named, OTHER_KEY] : named;
  const slot = new Map(keys.map((k, n) => [k, n]));
  const total = ranked.reduce((s, [, v]) => s + v, 0);
  const perDay = new Map(dates.map((d) => [d, keys.map(() => 0)]));
  const amounts = keys.map(() => 0);
  for (const r of rows) {
    const n = slot.get(r.key) ?? slot.get(OTHER_KEY);
    const day = perDay.get(r.day);
    if (n === undefined || !day) continue;
    day[n] += r.spent;
    amounts[n] += r.spent;
  }
  return {
    dimension,
    total,
    others: Math.max(0, ranked.length - TOP_N),
    top: keys.map((key, n) => ({ key, amount: amounts[n], share: total === 0 ? 0 : amounts[n] / total })),
    days: dates.map((day) => ({ day, amounts: perDay.get(day)! })),
  };
}
