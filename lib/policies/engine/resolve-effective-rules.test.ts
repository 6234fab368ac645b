import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "./default-policy";
import { AGENT_ID, OTHER_AGENT_ID } from "./make-evaluation-input";
import { resolveEffectiveRules } from "./resolve-effective-rules";
import type { EffectiveRules, Policy } from "./types";

const policyWith = (agentOverrides: Policy["agentOverrides"], rules: Partial<Policy["rules"]> = {}): Policy => ({
  ...DEFAULT_POLICY,
  rules: { ...DEFAULT_POLICY.rules, ...rules },
  agentOverrides,
});

const { merchantAllowlist: _m, categoryAllowlist: _c, timeWindow: _t, ...thresholds } = DEFAULT_POLICY.rules;
const ORG_RULES: EffectiveRules = { ...thresholds, merchantAllowlists: [], categoryAllowlists: [], timeWindows: [] };

describe("resolveEffectiveRules", () => {
  it("returns the org rules when the agent has no override", () => {
    expect(resolveEffectiveRules(DEFAULT_POLICY, AGENT_ID)).toEqual(ORG_RULES);
  });

  it("an agent override replaces limits and thresholds; unrelated fields are inherited", () => {
    const rules = resolveEffectiveRules(policyWith({ [AGENT_ID]: { dailyBudget: 100_000, hardLimit: 20_000_000, minConfidence: 0.1 } }), AGENT_ID);
    expect(rules).toEqual({ ...ORG_RULES, dailyBudget: 100_000, hardLimit: 20_000_000, minConfidence: 0.1 });
    expect(rules.monthlyBudget).toBe(50_000_000);
  });

  it("an override may set a limit to null (no budget)", () => {
    expect(resolveEffectiveRules(policyWith({ [AGENT_ID]: { dailyBudget: null } }), AGENT_ID).dailyBudget).toBeNull();
  });

  it("blocklists add up: an empty override list lifts nothing", () => {
    const policy = policyWith({ [AGENT_ID]: { merchantBlocklist: [], categoryBlocklist: ["crypto"] } }, { merchantBlocklist: ["amazon.com"] });
    const rules = resolveEffectiveRules(policy, AGENT_ID);
    expect(rules.merchantBlocklist).toEqual(["amazon.com"]);
    expect(rules.categoryBlocklist).toEqual(["gambling", "crypto"]);
  });

  it("allowlists and time windows of both apply (each one set must allow)", () => {
    const window = { days: ["mon" as const], start: "09:00", end: "10:00", timeZone: null };
    const policy = policyWith({ [AGENT_ID]: { merchantAllowlist: ["AWS"], categoryAllowlist: [], timeWindow: window } }, { merchantAllowlist: ["AWS", "GCP"] });
    const rules = resolveEffectiveRules(policy, AGENT_ID);
    expect(rules.merchantAllowlists).toEqual([["AWS", "GCP"], ["AWS"]]);
    expect(rules.categoryAllowlists).toEqual([]);
    expect(rules.timeWindows).toEqual([{ owner: "agent", window }]);
  });

  it("an explicit undefined in an override does not erase the org rule", () => {
    expect(resolveEffectiveRules(policyWith({ [AGENT_ID]: { hardLimit: undefined } }), AGENT_ID).hardLimit).toBe(10_000_000);
  });

  it("ignores the override of another agent", () => {
    expect(resolveEffectiveRules(policyWith({ [OTHER_AGENT_ID]: { hardLimit: 1 } }), AGENT_ID)).toEqual(ORG_RULES);
  });

  it("matches agent UUIDs case-insensitively", () => {
    const rules = resolveEffectiveRules(policyWith({ [AGENT_ID.toUpperCase()]: { hardLimit: 7 } }), AGENT_ID);
    expect(rules.hardLimit).toBe(7);
  });

  it("does not mutate the policy, and its answer cannot be changed", () => {
    const policy = policyWith({ [AGENT_ID]: { hardLimit: 7, merchantBlocklist: ["x"] } }, { merchantBlocklist: ["y"] });
    const rules = resolveEffectiveRules(policy, AGENT_ID);
    expect(policy.rules.hardLimit).toBe(10_000_000);
    expect(policy.rules.merchantBlocklist).toEqual(["y"]);
    expect(() => ((rules as { hardLimit: number }).hardLimit = 1)).toThrow(TypeError);
    expect(resolveEffectiveRules(policy, AGENT_ID)).toBe(rules);
  });
});
