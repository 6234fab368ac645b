import { csvLine } from "@/lib/audit/audit-csv";
import { intentState } from "@/lib/format/intent-state";
import { toMajorDecimal } from "@/lib/format/money";
import type { IntentDto } from "./intent-schemas";
import type { IntentAnswers } from "./list-intent-answers";

/**
 * The controller's export: one row per intent with a header row, ISO dates in UTC, amounts in
 * major units beside their currency (Excel reads them as numbers), what was paid, who answered,
 * and where it books (GL code and cost centre: the intent's metadata, else its agent's).
 */
export const INTENTS_CSV_HEADER = [
  "id",
  "created_at_utc",
  "agent_id",
  "agent",
  "merchant",
  "merchant_category",
  "amount",
  "currency",
  "status",
  "state",
  "deciding_rule",
  "decision_reason",
  "confidence",
  "reason",
  "decided_at_utc",
  "captured_amount",
  "settled_at_utc",
  "capture_memo",
  "approved_by",
  "rejected_by",
  "comments",
  "gl_code",
  "cost_center",
];

export type IntentCsvContext = {
  agent: { name: string; gl_code: string | null; cost_center: string | null } | undefined;
  answers: IntentAnswers | undefined;
  memo: string | undefined;
};

/** A metadata value an agent may send per intent (`gl_code`, `cost_center`), when it is text. */
const metaText = (i: IntentDto, key: string) => {
  const v = (i.metadata as Record<string, unknown>)[key];
  return typeof v === "string" && v.trim() ? v.trim().slice(0, 64) : null;
};

/** One intent as a CSV line; amounts (minor units) become decimals here, at the edge. */
export function intentCsvLine(i: IntentDto, c: IntentCsvContext): string {
  return csvLine([
    i.id,
    i.created_at,
    i.agent_id,
    c.agent?.name ?? "",
    i.merchant,
    i.merchant_category,
    toMajorDecimal(i.amount, i.currency),
    i.currency,
    i.status,
    intentState(i),
    i.policy_decision?.rule,
    i.policy_decision?.reason,
    i.confidence,
    i.reason,
    i.decided_at,
    i.captured_amount === null ? null : toMajorDecimal(i.captured_amount, i.currency),
    i.settled_at,
    c.memo,
    c.answers?.approvedBy.join("; "),
    c.answers?.rejectedBy,
    c.answers?.comments.join(" | "),
    metaText(i, "gl_code") ?? c.agent?.gl_code,
    metaText(i, "cost_center") ?? c.agent?.cost_center,
  ]);
}
