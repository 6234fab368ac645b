import { describe, expect, it } from "vitest";
import { evaluatePolicy } from "./evaluate-policy";
import { makeEvaluationInput as input, stepOf } from "./make-evaluation-input";

describe("agent_status", () => {
  it("passes an active agent", () => {
    expect(stepOf(evaluatePolicy(input()), "agent_status").result).toBe("pass");
  });

  it("denies a suspended agent", () => {
    const d = evaluatePolicy(input({ agent: { status: "suspended" } }));
    expect(d).toMatchObject({ outcome: "deny", rule: "agent_status", reason: "The agent is suspended and may not spend." });
  });
});

describe("velocity", () => {
  it("passes at one below the hourly limit", () => {
    const d = evaluatePolicy(input({ usage: { intentsLastHour: 59 } }));
    expect(stepOf(d, "velocity").result).toBe("pass");
    expect(d.outcome).toBe("approve");
  });

  it("denies once the hourly limit is reached", () => {
    const d = evaluatePolicy(input({ usage: { intentsLastHour: 60 } }));
    expect(d).toMatchObject({
      outcome: "deny",
      rule: "velocity",
      reason: "The agent has already submitted 60 intents in the last hour; the limit is 60 per hour.",
    });
  });

  it("is skipped when there is no limit", () => {
    const d = evaluatePolicy(input({ rules: { maxIntentsPerHour: null }, usage: { intentsLastHour: 10_000 } }));
    expect(stepOf(d, "velocity").result).toBe("skipped");
    expect(d.outcome).toBe("approve");
  });
});

describe("min_confidence", () => {
  it("passes confidence exactly at the minimum", () => {
    const d = evaluatePolicy(input({ intent: { confidence: 0.6 } }));
    expect(stepOf(d, "min_confidence").result).toBe("pass");
    expect(d.outcome).toBe("approve");
  });

  it("requires approval below the minimum by default", () => {
    const d = evaluatePolicy(input({ intent: { confidence: 0.59 } }));
    expect(d).toMatchObject({
      outcome: "require_approval",
      rule: "min_confidence",
      reason: "Confidence 0.59 is below the minimum of 0.6; a human must approve.",
    });
  });

  it("denies below the minimum when lowConfidenceAction is deny", () => {
    const d = evaluatePolicy(input({ rules: { lowConfidenceAction: "deny" }, intent: { confidence: 0.59 } }));
    expect(d).toMatchObject({ outcome: "deny", rule: "min_confidence", reason: "Confidence 0.59 is below the minimum of 0.6." });
  });

  it("is skipped when the intent gives no confidence", () => {
    const d = evaluatePolicy(input({ intent: { confidence: null } }));
    expect(stepOf(d, "min_confidence")).toEqual({
      rule: "min_confidence",
      result: "skipped",
      detail: "The intent gives no confidence score.",
    });
    expect(d.outcome).toBe("approve");
  });
});

describe("risk_level", () => {
  it.each(["low", "medium"] as const)("passes a %s-risk agent under the default policy", (riskLevel) => {
    const d = evaluatePolicy(input({ agent: { riskLevel } }));
    expect(stepOf(d, "risk_level").result).toBe("pass");
    expect(d.outcome).toBe("approve");
  });

  it.each(["high", "critical"] as const)("requires approval for a %s-risk agent", (riskLevel) => {
    const d = evaluatePolicy(input({ agent: { riskLevel } }));
    expect(d).toMatchObject({
      outcome: "require_approval",
      rule: "risk_level",
      reason: `The agent's risk level is ${riskLevel}; intents from ${riskLevel}-risk agents need a human to approve.`,
    });
  });

  it("follows the configured levels", () => {
    expect(evaluatePolicy(input({ rules: { approvalRiskLevels: ["medium"] }, agent: { riskLevel: "medium" } })).rule).toBe("risk_level");
    const d = evaluatePolicy(input({ rules: { approvalRiskLevels: [] }, agent: { riskLevel: "critical" } }));
    expect(stepOf(d, "risk_level").result).toBe("skipped");
    expect(d.outcome).toBe("approve");
  });
});
