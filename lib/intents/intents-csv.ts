import { csvLine } from "@/lib/audit/audit-csv";
import { toMajorDecimal } from "@/lib/format/money";
import type { IntentDto } from "./intent-schemas";

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
  "deciding_rule",
  "decision_reason",
  "confidence",
  "reason",
  "decided_at_utc",
];

/** One intent as a CSV line; amounts (minor units) become decimals here, at the edge. */
export function intentCsvLine(i: IntentDto, agentName: string): string {
  return csvLine([
    i.id,
    i.created_at,
    i.agent_id,
    agentName,
    i.merchant,
    i.merchant_category,
    toMajorDecimal(i.amount, i.currency),
    i.currency,
    i.status,
    i.policy_decision?.rule,
    i.policy_decision?.reason,
    i.confidence,
    i.reason,
    i.decided_at,
  ]);
}
