import { LOW_CONFIDENCE } from "@/lib/agents/risk/compute-risk-level";

export type CountedStatus = "pending" | "pending_approval" | "approved" | "denied" | "expired";

/** Changes to one day-counter row; every field is added to the stored value. */
export type CounterDelta = {
  spent: number;
  pending: number;
  pendingApproval: number;
  approved: number;
  denied: number;
  expired: number;
  lowConfidence: number;
  rejected: number;
  /** Settlement of approved intents: see `settlementDelta`. */
  approvedAmount: number;
  capturedAmount: number;
  returnedAmount: number;
  captured: number;
  partial: number;
  voided: number;
};

export const ZERO_DELTA: CounterDelta = {
  spent: 0,
  pending: 0,
  pendingApproval: 0,
  approved: 0,
  denied: 0,
  expired: 0,
  lowConfidence: 0,
  rejected: 0,
  approvedAmount: 0,
  capturedAmount: 0,
  returnedAmount: 0,
  captured: 0,
  partial: 0,
  voided: 0,
};

const FIELD: Record<CountedStatus, keyof CounterDelta> = {
  pending: "pending",
  pending_approval: "pendingApproval",
  approved: "approved",
  denied: "denied",
  expired: "expired",
};

/** Statuses whose amount counts against budgets: approved, and held while a person decides. */
const COMMITS_SPEND = new Set<CountedStatus>(["approved", "pending_approval"]);

export type Transition = {
  /** null: the intent is being created with status `to`. */
  from: CountedStatus | null;
  to: CountedStatus;
  amount: number;
  confidence: number | null;
  /** A person rejected its approval request (pending_approval → denied). */
  rejectedByPerson?: boolean;
};

/**
 * What one intent's status change does to its day's counters (the day it was created, in
 * the organisation's time zone). Spend follows COMMITS_SPEND; a decided intent with low
 * confidence is counted once, when it leaves `pending`.
 */
export function counterDelta(t: Transition): CounterDelta {
  const d = { ...ZERO_DELTA };
  if (t.from === t.to) return d;
  if (t.from) d[FIELD[t.from]] -= 1;
  d[FIELD[t.to]] += 1;
  const before = t.from !== null && COMMITS_SPEND.has(t.from);
  const after = COMMITS_SPEND.has(t.to);
  if (after && !before) d.spent += t.amount;
  if (before && !after) d.spent -= t.amount;
  if (t.to === "approved") d.approvedAmount += t.amount;
  if (t.from === "approved") d.approvedAmount -= t.amount;
  const decidedNow = (t.from === null || t.from === "pending") && t.to !== "pending";
  if (decidedNow && t.confidence !== null && t.confidence < LOW_CONFIDENCE) d.lowConfidence += 1;
  if (t.rejectedByPerson) d.rejected += 1;
  return d;
}

/**
 * What settling an approved intent of `approved` minor units does to its day's counters: a
 * capture of `captured` (0 for a void) pays that much, and the unpaid rest is counted as
 * returned to the wallet. The rest leaves the day's spend (budgets) only when a person or the
 * system settled it: an agent settling with its own key (`byAgent`) gets its money back but not
 * its budget, so it can never raise its own remaining budget by voiding what it spent.
 */
export function settlementDelta(
  approved: number,
  request: { kind: "capture"; amount: number } | { kind: "void" },
  by: { byAgent: boolean } = { byAgent: false },
): CounterDelta {
  const captured = request.kind === "capture" ? request.amount : 0;
  const rest = approved - captured;
  return {
    ...ZERO_DELTA,
    spent: by.byAgent ? 0 : 0 - rest,
    capturedAmount: captured,
    returnedAmount: rest,
    captured: request.kind === "capture" ? 1 : 0,
    partial: request.kind === "capture" && rest > 0 ? 1 : 0,
    voided: request.kind === "void" ? 1 : 0,
  };
}
