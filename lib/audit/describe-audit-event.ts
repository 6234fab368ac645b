import { formatMoney } from "@/lib/format/money";
import { formatDateTime } from "@/lib/format/time";

/** Data fields in minor units of the event's `currency` (audit-actions.ts). */
const MONEY = new Set(["amount", "approved_amount", "captured_amount", "returned_amount", "initial_balance", "threshold"]);
/** Data fields naming another object: shown by its name when the page knows it. */
const IDS = new Set(["agent_id", "user_id", "from_user_id", "to_user_id", "created_by_user_id", "group_id", "escalated_to_group_id", "endpoint_id"]);
const TIMES = new Set(["starts_at", "ends_at", "ended_at", "frozen_at", "purged_before", "previous_secret_expires_at"]);
/** Shown elsewhere in the row, or too large for a one-line reading (documents, settings, change sets). */
const SKIP = new Set(["currency", "intent_id", "wallet_id", "document", "settings", "changes", "memo_raw"]);

const label = (k: string) => k.replace(/_id$/, "").replace(/_/g, " ");

/**
 * A person's reading of an audit event's data: money in its currency (₹2,273.00, never 227300),
 * names instead of ids, times in the organisation's zone. Pure: the page loads the names.
 */
export function describeAuditEvent(e: { action: string; data: unknown }, ctx: { names: ReadonlyMap<string, string>; timeZone: string }): string[] {
  const data = (e.data ?? {}) as Record<string, unknown>;
  const currency = typeof data.currency === "string" ? data.currency : null;
  const money = (v: unknown) => (typeof v === "number" && currency ? formatMoney(v, currency) : String(v));
  const parts: string[] = [];
  if (typeof data.amount === "number") parts.push(money(data.amount));
  for (const [k, v] of Object.entries(data)) {
    if (k === "amount" || SKIP.has(k) || v === null || v === undefined || (typeof v === "object" && !Array.isArray(v))) continue;
    // `previous` is a threshold's old amount for the wallet action, a risk level or a zone elsewhere.
    if (MONEY.has(k) || (k === "previous" && e.action === "wallet.low_balance_threshold_set")) parts.push(`${label(k)}: ${money(v)}`);
    else if (IDS.has(k) && typeof v === "string") parts.push(`${label(k)}: ${ctx.names.get(v) ?? v}`);
    else if (TIMES.has(k) && typeof v === "string" && !Number.isNaN(Date.parse(v))) parts.push(`${label(k)}: ${formatDateTime(v, ctx.timeZone)}`);
    else if (Array.isArray(v)) parts.push(`${label(k)}: ${v.join(", ")}`);
    else parts.push(`${label(k)}: ${String(v)}`);
  }
  return parts;
}
