import type { EffectiveRules, Policy, PolicyRules } from "./types";

/** The override for one agent; UUID keys match case-insensitively (Postgres prints them lower-case). */
export function findAgentOverride(policy: Policy, agentId: string): Partial<PolicyRules> | undefined {
  const wanted = agentId.toLowerCase();
  const key = Object.keys(policy.agentOverrides).find((k) => k.toLowerCase() === wanted);
  return key === undefined ? undefined : policy.agentOverrides[key];
}

// Policies are immutable once parsed (the decision cache shares one object across decisions),
// so each agent's rules are resolved once per policy object rather than once per decision.
const resolved = new WeakMap<Policy, Map<string, EffectiveRules>>();

/**
 * The rules that apply to one agent (see EffectiveRules): thresholds from its override where
 * it sets them, else the organisation's; blocklists, allowlists and time windows of both.
 * The answer is frozen and shared: treat it as read-only.
 */
export function resolveEffectiveRules(policy: Policy, agentId: string): EffectiveRules {
  let perAgent = resolved.get(policy);
  if (!perAgent) resolved.set(policy, (perAgent = new Map()));
  let rules = perAgent.get(agentId);
  if (!rules) {
    rules = Object.freeze(resolve(policy.rules, findAgentOverride(policy, agentId)));
    if (perAgent.size < 10_000) perAgent.set(agentId, rules);
  }
  return rules;
}

function resolve(org: PolicyRules, override: Partial<PolicyRules> | undefined): EffectiveRules {
  const { merchantAllowlist, categoryAllowlist, timeWindow, ...thresholds } = org;
  const rules: EffectiveRules = {
    ...thresholds,
    merchantAllowlists: merchantAllowlist.length ? [merchantAllowlist] : [],
    categoryAllowlists: categoryAllowlist.length ? [categoryAllowlist] : [],
    timeWindows: timeWindow ? [{ owner: "organization", window: timeWindow }] : [],
  };
  if (!override) return rules;
  for (const key of Object.keys(override) as (keyof PolicyRules)[]) {
    const value = override[key];
    if (value === undefined) continue;
    switch (key) {
      case "merchantBlocklist":
      case "categoryBlocklist":
        rules[key] = [...rules[key], ...(value as string[])];
        break;
      case "merchantAllowlist":
        if ((value as string[]).length) rules.merchantAllowlists = [...rules.merchantAllowlists, value as string[]];
        break;
      case "categoryAllowlist":
        if ((value as string[]).length) rules.categoryAllowlists = [...rules.categoryAllowlists, value as string[]];
        break;
      case "timeWindow":
        if (value) rules.timeWindows = [...rules.timeWindows, { owner: "agent", window: value as NonNullable<PolicyRules["timeWindow"]> }];
        break;
      default:
        (rules as unknown as Record<string, unknown>)[key] = value;
    }
  }
  return rules;
}
