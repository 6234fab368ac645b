import type { DbOrTx } from "@/lib/db/client";
import { resolveEffectiveRules } from "@/lib/policies/engine";
import type { Policy, RiskLevel } from "@/lib/policies/engine/types";
import { computeRiskLevel } from "@/lib/agents/risk/compute-risk-level";
import { loadAgentActivity } from "./load-agent-activity";

/**
 * An agent's activity in one currency and the risk level it implies under the policy (the
 * admin's override winning). The one place decisions, agent views and the inbox get risk from.
 */
export async function assessAgentRisk(
  db: DbOrTx,
  agent: { id: string; riskOverride: RiskLevel | null },
  policy: Policy,
  currency: string,
  now: Date,
  timeZone: string,
  excludeIntentId = "",
) {
  const activity = await loadAgentActivity(db, agent.id, currency, now, timeZone, excludeIntentId);
  const monthlyBudget = resolveEffectiveRules(policy, agent.id).monthlyBudget;
  const risk = computeRiskLevel({ ...activity.history, monthlyBudget, now, timeZone }, agent.riskOverride);
  return { activity, risk };
}
