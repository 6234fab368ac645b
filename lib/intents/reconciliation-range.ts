import { inTimestampRange } from "@/lib/db/timestamp-range";

const DAY_MS = 86_400_000;
const isDay = (s?: string) => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s) && inTimestampRange(new Date(s));

/**
 * Reconciliation's date range from its query string (`from`, `to`: calendar days, `to`
 * inclusive), as the page and its CSV export read it; days that do not parse are dropped.
 */
export function reconciliationRange(sp: { from?: string; to?: string }): { from?: Date; to?: Date; text: { from?: string; to?: string } } {
  const from = isDay(sp.from) ? new Date(sp.from!) : undefined;
  const to = isDay(sp.to) ? new Date(Date.parse(sp.to!) + DAY_MS) : undefined;
  if (from && to && from >= to) return { text: {} };
  return { from, to, text: { from: from ? sp.from : undefined, to: to ? sp.to : undefined } };
}
