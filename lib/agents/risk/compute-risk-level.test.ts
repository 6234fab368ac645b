import { describe, expect, it } from "vitest";
import { computeRiskLevel, type RiskHistory } from "./compute-risk-level";

const now = new Date("2026-11-16T00:00:00Z"); // half of November elapsed
const quiet: RiskHistory = { decided: 20, denied: 0, lowConfidence: 0, rejectedApprovals: 0, spentThisMonth: 0, monthlyBudget: 1_000_000, now };
const points = (h: Partial<RiskHistory>) => Object.fromEntries(computeRiskLevel({ ...quiet, ...h }).factors.map((f) => [f.factor, f.points]));

describe("computeRiskLevel", () => {
  it("a quiet agent is low risk with every factor at zero", () => {
    const r = computeRiskLevel(quiet);
    expect(r).toMatchObject({ level: "low", computed: "low", override: null, score: 0 });
    expect(r.factors.map((f) => f.factor)).toEqual(["denial_rate", "low_confidence_share", "spend_velocity", "rejected_approvals"]);
  });

  it("scores the denial rate in bands (15% / 30% / 50%)", () => {
    expect(points({ denied: 2 }).denial_rate).toBe(0); // 10%
    expect(points({ denied: 3 }).denial_rate).toBe(1); // 15%
    expect(points({ denied: 6 }).denial_rate).toBe(2); // 30%
    expect(points({ denied: 10 }).denial_rate).toBe(3); // 50%
  });

  it("ignores rates while there is too little history", () => {
    expect(points({ decided: 4, denied: 4, lowConfidence: 4 })).toMatchObject({ denial_rate: 0, low_confidence_share: 0 });
  });

  it("scores low-confidence share, spend pace against budget and rejected approvals", () => {
    expect(points({ lowConfidence: 4 }).low_confidence_share).toBe(1); // 20%
    expect(points({ lowConfidence: 8 }).low_confidence_share).toBe(2); // 40%
    expect(points({ spentThisMonth: 500_000 }).spend_velocity).toBe(0); // on pace
    expect(points({ spentThisMonth: 550_000 }).spend_velocity).toBe(1); // 1.1× pace
    expect(points({ spentThisMonth: 750_000 }).spend_velocity).toBe(2); // 1.5× pace
    expect(points({ spentThisMonth: 10_000_000, monthlyBudget: null }).spend_velocity).toBe(0);
    expect(points({ rejectedApprovals: 1 }).rejected_approvals).toBe(0);
    expect(points({ rejectedApprovals: 2 }).rejected_approvals).toBe(1);
    expect(points({ rejectedApprovals: 5 }).rejected_approvals).toBe(2);
  });

  it("maps the score to levels: 2 medium, 4 high, 6 critical", () => {
    expect(computeRiskLevel({ ...quiet, denied: 6 }).level).toBe("medium");
    expect(computeRiskLevel({ ...quiet, denied: 6, rejectedApprovals: 5 }).level).toBe("high");
    expect(computeRiskLevel({ ...quiet, denied: 10, lowConfidence: 8, spentThisMonth: 750_000 }).level).toBe("critical");
  });

  it("the first day of a month does not look like a spree", () => {
    const early = new Date("2026-11-01T01:00:00Z");
    expect(computeRiskLevel({ ...quiet, now: early, spentThisMonth: 30_000 }).factors[2].points).toBe(0);
  });

  it("an admin override wins but keeps the computed level and factors visible", () => {
    const r = computeRiskLevel({ ...quiet, denied: 10 }, "low");
    expect(r).toMatchObject({ level: "low", computed: "medium", override: "low" });
    expect(r.factors[0].points).toBe(3);
  });
});
