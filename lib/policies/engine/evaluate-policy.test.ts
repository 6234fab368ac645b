import { describe, expect, it } from "vitest";
import { evaluatePolicy } from "./evaluate-policy";
import { AGENT_ID, OTHER_AGENT_ID, makeEvaluationInput as input, stepOf } from "./make-evaluation-input";
import { RULE_NAMES } from "./types";

describe("evaluatePolicy: the trace", () => {
  it("lists every rule exactly once, in the fixed order", () => {
    const d = evaluatePolicy(input());
    expect(d.trace.map((s) => s.rule)).toEqual([...RULE_NAMES]);
    expect(RULE_NAMES).toEqual([
      "frozen",
      "agent_status",
      "time_window",
      "currency",
      "hard_limit",
      "merchant_blocklist",
      "merchant_allowlist",
      "category_blocklist",
      "category_allowlist",
      "wallet_balance",
      "daily_budget",
      "monthly_budget",
      "velocity",
      "min_confidence",
      "risk_level",
      "auto_approve_limit",
    ]);
  });

  it("keeps checking every rule after a deny", () => {
    const d = evaluatePolicy(input({ agent: { status: "suspended", riskLevel: "high" }, intent: { amount: 2_000_000 } }));
    expect(d.trace).toHaveLength(RULE_NAMES.length);
    expect(stepOf(d, "risk_level").result).toBe("require_approval");
    expect(stepOf(d, "auto_approve_limit").result).toBe("require_approval");
    expect(stepOf(d, "daily_budget").result).toBe("pass");
  });

  it("every detail is a sentence", () => {
    for (const step of evaluatePolicy(input()).trace) expect(step.detail).toMatch(/^[A-Z].*\.$/);
  });
});

describe("evaluatePolicy: which rule decides", () => {
  it("approves under the auto-approve limit when nothing objects", () => {
    const d = evaluatePolicy(input());
    expect(d.outcome).toBe("approve");
    expect(d.rule).toBe("auto_approve_limit");
    expect(d.reason).toBe("Amount 5,000.00 INR is within the auto-approve limit of 10,000.00 INR and every other rule passed.");
    expect(d.trace.every((s) => s.result === "pass" || s.result === "skipped")).toBe(true);
  });

  it("a deny beats a require_approval from another rule", () => {
    const d = evaluatePolicy(input({ intent: { confidence: 0.1 }, usage: { intentsLastHour: 60 } }));
    expect(stepOf(d, "min_confidence").result).toBe("require_approval");
    expect(d).toMatchObject({ outcome: "deny", rule: "velocity" });
  });

  it("a deny beats several require_approvals", () => {
    const d = evaluatePolicy(input({ agent: { riskLevel: "critical" }, intent: { amount: 2_000_000, confidence: 0.1 }, wallet: { balance: 1 } }));
    expect(d.trace.filter((s) => s.result === "require_approval").map((s) => s.rule)).toEqual(["min_confidence", "risk_level", "auto_approve_limit"]);
    expect(d).toMatchObject({ outcome: "deny", rule: "wallet_balance" });
  });

  it("the first deny in order decides among several", () => {
    const d = evaluatePolicy(input({ agent: { status: "suspended" }, intent: { merchantCategory: "gambling" }, wallet: null }));
    expect(d.rule).toBe("agent_status");
    expect(stepOf(d, "currency").result).toBe("deny");
    expect(stepOf(d, "category_blocklist").result).toBe("deny");
  });

  it("require_approval beats approve, and the first one in order decides", () => {
    const d = evaluatePolicy(input({ agent: { riskLevel: "high" }, intent: { amount: 2_000_000, confidence: 0.5 } }));
    expect(d.outcome).toBe("require_approval");
    expect(d.rule).toBe("min_confidence");
    expect(stepOf(d, "risk_level").result).toBe("require_approval");
    expect(stepOf(d, "auto_approve_limit").result).toBe("require_approval");
  });
});

describe("evaluatePolicy: agent overrides", () => {
  it("an agent override beats the org rule", () => {
    const d = evaluatePolicy(input({ intent: { amount: 200_000 }, agentOverrides: { [AGENT_ID]: { dailyBudget: 100_000 } } }));
    expect(d).toMatchObject({ outcome: "deny", rule: "daily_budget" });
    expect(d.budgets.daily.limit).toBe(100_000);
  });

  it("an override can loosen a rule, and unrelated fields stay inherited", () => {
    const agentOverrides = { [AGENT_ID]: { autoApproveLimit: 3_000_000 } };
    expect(evaluatePolicy(input({ intent: { amount: 2_000_000 }, agentOverrides })).outcome).toBe("approve");
    // The org hard limit and the org gambling block still apply to this agent.
    expect(evaluatePolicy(input({ intent: { amount: 10_000_001 }, agentOverrides })).rule).toBe("hard_limit");
    expect(evaluatePolicy(input({ intent: { merchantCategory: "gambling" }, agentOverrides })).rule).toBe("category_blocklist");
  });

  it("an override for another agent is ignored", () => {
    const d = evaluatePolicy(input({ intent: { amount: 200_000 }, agentOverrides: { [OTHER_AGENT_ID]: { dailyBudget: 100_000 } } }));
    expect(d.outcome).toBe("approve");
    expect(d.budgets.daily.limit).toBe(5_000_000);
  });

  it("does not modify its input", () => {
    const i = input({ agentOverrides: { [AGENT_ID]: { hardLimit: 1 } } });
    const before = structuredClone(i);
    evaluatePolicy(i);
    expect(i).toEqual(before);
  });
});
