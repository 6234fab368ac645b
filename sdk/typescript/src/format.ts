import type { PolicyDecision } from "./types.js";

const VERB: Record<PolicyDecision["outcome"], string> = { approve: "approved", deny: "denied", require_approval: "approval required" };

/** A policy decision as a sentence: "denied by rule hard_limit: Amount … exceeds …" (as Python's str(decision)). */
export function formatDecision(decision: PolicyDecision | null | undefined): string {
  if (!decision) return "no decision yet";
  return `${VERB[decision.outcome] ?? decision.outcome} by rule ${decision.rule}: ${decision.reason}`;
}
