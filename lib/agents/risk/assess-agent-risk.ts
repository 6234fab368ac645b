import type { Db } from "@/lib/db/client";
import { resolveEffectiveRules } from "@/lib/policies/engine";
import type { Policy, RiskLevel } from "@/lib/policies/engine/types";
import { computeRiskLevel } from "@/lib/agents/risk/compute-risk-level";
import { loadAgentActivity, type AgentActivity } from "./load-agent-activity";

type AgentRef = { id: string; riskOverride: RiskLevel | null };

/** The risk level an agent's activity implies under the policy (the admin's override winning). */
export function riskFromActivity(activity: AgentActivity, agent: AgentRef, policy: Policy, currency: string, now: Date, timeZone: string) {
  const monthlyBudget = resolveEffectiveRules(policy, agent.id).monthlyBudget;
  const spentThisMonth = activity.spend.get(currency)?.month ?? 0;
  return computeRiskLevel({ ...activity.recent, spentThisMonth, monthlyBudget, now, timeZone }, agent.riskOverride);
}

/**
 * An agent's activity and the risk level it implies, read from its counters. The one place
 * decisions, agent views and the inbox get risk from.
 */
export async function assessAgentRisk(db: Db, agent: AgentRef, policy: Policy, currency: string, now: Date, timeZone: string) {
  const activity = (await loadAgentActivity(db, [agent.id], now, timeZone)).get(agent.id)!;
  return { activity, risk: riskFromActivity(activity, agent, policy, currency, now, timeZone) };
}

/** Risk levels of several agents (each in the currency given for it) with one counters query. */
export async function assessAgentsRisk(db: Db, agents: (AgentRef & { currency: string })[], policy: Policy, now: Date, timeZone: string) {
  const activity = await loadAgentActivity(db, [...new Set(agents.map((a) => a.id))], now, timeZone);
  return new Map(agents.map((a) => [`${a.id}:${a.currency}`, riskFromActivity(activity.get(a.id)!, a, policy, a.currency, now, timeZone)]));
}
