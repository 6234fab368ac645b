import { INTENT_STATUSES } from "@/lib/intents/intent-schemas";
import type { SettledState } from "@/lib/intents/list-intents";

const SETTLED_STATES: readonly SettledState[] = ["rejected", "captured", "partially_captured", "voided"];
import { parseMajorAmount } from "@/lib/format/money";
import { isUuid } from "@/lib/db/ids";
import { INTENT_SORTS, isPageCursor, type IntentSort, type IntentsPageQuery } from "@/lib/intents/list-intents-page";
import { inTimestampRange } from "@/lib/db/timestamp-range";

export type IntentSearchParams = Partial<Record<"status" | "agent" | "category" | "from" | "to" | "min" | "max" | "cursor" | "q" | "sort", string>>;

const DAY_MS = 86_400_000;
const isDate = (s?: string) => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s) && inTimestampRange(new Date(s));

/**
 * The intents page's query string as listIntents filters. Values that do not parse are
 * dropped (and reported) rather than failing the page; "to" is inclusive of its whole day.
 * Amounts are typed in major units of `currency` (the organisation's).
 */
export function parseIntentFilters(sp: IntentSearchParams, currency: string): { filters: IntentsPageQuery; ignored: string[] } {
  const ignored: string[] = [];
  const filters: IntentsPageQuery = { limit: 25 };
  if (sp.q?.trim()) {
    // NUL and other control characters never reach the database.
    if (sp.q.length <= 100 && !/[\u0000-\u001f]/.test(sp.q)) filters.q = sp.q.trim();
    else ignored.push("search");
  }
  if (sp.sort) {
    if ((INTENT_SORTS as readonly string[]).includes(sp.sort)) filters.sort = sp.sort as IntentSort;
    else ignored.push("sort");
  }
  if (sp.status) {
    if ((INTENT_STATUSES as readonly string[]).includes(sp.status)) filters.status = [sp.status as (typeof INTENT_STATUSES)[number]];
    else if ((SETTLED_STATES as readonly string[]).includes(sp.status)) filters.state = sp.status as SettledState;
    else ignored.push("status");
  }
  if (sp.agent) {
    if (isUuid(sp.agent)) filters.agent_id = sp.agent;
    else ignored.push("agent");
  }
  if (sp.category?.trim()) filters.merchant_category = sp.category.trim().toLowerCase();
  if (sp.from) {
    if (isDate(sp.from)) filters.created_after = sp.from;
    else ignored.push("from");
  }
  if (sp.to) {
    const end = new Date(Date.parse(sp.to) + DAY_MS);
    if (isDate(sp.to) && inTimestampRange(end)) filters.created_before = end.toISOString();
    else ignored.push("to");
  }
  for (const [key, field] of [
    ["min", "min_amount"],
    ["max", "max_amount"],
  ] as const) {
    const text = sp[key];
    if (!text?.trim()) continue;
    const minor = parseMajorAmount(text, currency);
    if (minor === null) ignored.push(key);
    else filters[field] = minor;
  }
  if (sp.cursor) {
    if (isPageCursor(sp.cursor, filters.sort ?? "newest")) filters.cursor = sp.cursor;
    else ignored.push("cursor");
  }
  if (filters.created_after && filters.created_before && filters.created_after > filters.created_before) {
    ignored.push("from");
    delete filters.created_after;
  }
  return { filters, ignored };
}

/** The same query string with some keys replaced (undefined removes a key). */
export function withParams(sp: IntentSearchParams, changes: IntentSearchParams): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...sp, ...changes })) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : "";
}
