/**
 * What an intent's badge says, finer than its API `status`: a person's "no" is "Rejected"
 * (not the policy's "Denied"), and an approved intent says what was paid: captured, partly
 * captured or voided. The intents filter offers the same states.
 */
export const INTENT_STATES = ["pending", "pending_approval", "approved", "captured", "partially_captured", "voided", "denied", "rejected", "expired"] as const;
export type IntentState = (typeof INTENT_STATES)[number];

export type IntentStateFacts = {
  status: string;
  amount: number;
  captured_amount: number | null;
  settlement: string | null;
  approval: { status: string } | null;
};

export function intentState(i: IntentStateFacts): IntentState {
  if (i.status === "denied" && i.approval?.status === "rejected") return "rejected";
  if (i.status === "approved" && i.settlement === "voided") return "voided";
  if (i.status === "approved" && i.settlement === "captured")
    return i.captured_amount !== null && i.captured_amount < i.amount ? "partially_captured" : "captured";
  return i.status as IntentState;
}
