import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "./default-policy";
import { AGENT_ID, OTHER_AGENT_ID } from "./make-evaluation-input";
import { resolveEffectiveRules } from "./resolve-effective-rules";
import type { Policy } from "./types";

const policyWith = (agentOverrides: Policy["agentOverrides"]): Policy => ({ ...DEFAULT_POLICY, agentOverrides });

describe("resolveEffectiveRules", () => {
  it("returns the org rules when the agent has no override", () => {
    expect(resolveEffectiveRules(DEFAULT_POLICY, AGENT_ID)).toEqual(DEFAULT_POLICY.rules);
  });

  it("an agent override beats the org rule and unrelated fields are inherited", () => {
    const rules = resolveEffectiveRules(policyWith({ [AGENT_ID]: { dailyBudget: 100_000, merchantAllowlist: ["AWS"] } }), AGENT_ID);
    expect(rules).toEqual({ ...DEFAULT_POLICY.rules, dailyBudget: 100_000, merchantAllowlist: ["AWS"] });
    expect(rules.monthlyBudget).toBe(50_000_000);
  });

  it("an override may set a limit to null (no budget)", () => {
    expect(resolveEffectiveRules(policyWith({ [AGENT_ID]: { dailyBudget: null } }), AGENT_ID).dailyBudget).toBeNull();
  });

  it("an explicit undefined in an override does not erase the org rule", () => {
    expect(resolveEffectiveRules(policyWith({ [AGENT_ID]: { hardLimit: undefined } }), AGENT_ID).hardLimit).toBe(10_000_000);
  });

  it("ignores the override of another agent", () => {
    expect(resolveEffectiveRules(policyWith({ [OTHER_AGENT_ID]: { hardLimit: 1 } }), AGENT_ID)).toEqual(DEFAULT_POLICY.rules);
  });

  it("matches agent UUIDs case-insensitively", () => {
    const rules = resolveEffectiveRules(policyWith({ [AGENT_ID.toUpperCase()]: { hardLimit: 7 } }), AGENT_ID);
    expect(rules.hardLimit).toBe(7);
  });

  it("does not mutate the policy", () => {
    const policy = policyWith({ [AGENT_ID]: { hardLimit: 7 } });
    resolveEffectiveRules(policy, AGENT_ID);
    expect(policy.rules.hardLimit).toBe(10_000_000);
  });
});
