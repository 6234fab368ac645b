import { evaluatePolicy } from "@/lib/policies/engine";
import type { EvaluationInput } from "@/lib/policies/engine/types";
import type { ActiveShadow } from "./get-active-shadow-policy";

/**
 * What the shadow draft would have decided for the same inputs as the live decision, as the
 * policy_decisions columns that record it beside the real outcome (all null when no shadow
 * runs). In process, no I/O: the decision's one insert carries it.
 */
export function shadowDecision(input: EvaluationInput, shadow: Pick<ActiveShadow, "id" | "policy"> | null) {
  if (!shadow) return { shadowPolicyId: null, shadowOutcome: null, shadowRule: null, shadowReason: null };
  const d = evaluatePolicy({ ...input, policy: shadow.policy });
  return { shadowPolicyId: shadow.id, shadowOutcome: d.outcome, shadowRule: d.rule, shadowReason: d.reason };
}
