import type { Policy, PolicyRules } from "./types";

/** The override for one agent; UUID keys match case-insensitively (Postgres prints them lower-case). */
export function findAgentOverride(policy: Policy, agentId: string): Partial<PolicyRules> | undefined {
  const wanted = agentId.toLowerCase();
  const key = Object.keys(policy.agentOverrides).find((k) => k.toLowerCase() === wanted);
  return key === undefined ? undefined : policy.agentOverrides[key];
}

/**
 * The rules that apply to one agent: the org rules overlaid field by field with that
 * agent's override. Fields an override leaves out (or sets to undefined) are inherited.
 */
export function resolveEffectiveRules(policy: Policy, agentId: string): PolicyRules {
  const override = findAgentOverride(policy, agentId);
  const effective: PolicyRules = { ...policy.rules };
  if (!override) return effective;
  for (const key of Object.keys(override) as (keyof PolicyRules)[]) {
    const value = override[key];
    if (value !== undefined) (effective as unknown as Record<string, unknown>)[key] = value;
  }
  return effective;
}
