/**
 * Payload shapes of the events (snake_case like the API). Built from the rows (the typed layer's, snake_case) the change
 * already holds, so emitting an event costs no extra read in the caller's transaction.
 */
type IntentRow = {
  id: string;
  agent_id: string;
  amount: number;
  currency: string;
  reason: string;
  merchant: string | null;
  merchant_category: string | null;
};

export function intentSummary(intent: IntentRow) {
  return {
    id: intent.id,
    agent_id: intent.agent_id,
    amount: intent.amount,
    currency: intent.currency,
    reason: intent.reason,
    merchant: intent.merchant,
    merchant_category: intent.merchant_category,
  };
}

/** `intent.decided`: the final status, who decided it, and the rule or approval behind it. */
export function intentDecidedData(
  intent: IntentRow,
  outcome: {
    status: "approved" | "denied" | "expired";
    decidedAt: Date;
    decidedBy: "policy" | "approval";
    rule?: string;
    reason?: string;
    approvalId?: string;
  },
) {
  return {
    intent: { ...intentSummary(intent), status: outcome.status, decided_at: outcome.decidedAt.toISOString() },
    decided_by: outcome.decidedBy,
    rule: outcome.rule ?? null,
    reason: outcome.reason ?? null,
    approval_id: outcome.approvalId ?? null,
  };
}
