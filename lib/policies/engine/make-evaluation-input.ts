// Test factory (not exported from index): a valid input under DEFAULT_POLICY in which every rule passes.
import { DEFAULT_POLICY } from "./default-policy";
import type { Decision, EvaluationInput, PolicyRules, RuleName, TraceStep } from "./types";

export const AGENT_ID = "3f1c2b9e-8d4a-4c6e-9b2f-0a1d2e3f4a5b";
export const OTHER_AGENT_ID = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

export interface InputOverrides {
  intent?: Partial<EvaluationInput["intent"]>;
  agent?: Partial<EvaluationInput["agent"]>;
  wallet?: Partial<NonNullable<EvaluationInput["wallet"]>> | null;
  usage?: Partial<EvaluationInput["usage"]>;
  rules?: Partial<PolicyRules>;
  agentOverrides?: Record<string, Partial<PolicyRules>>;
  now?: Date;
  timeZone?: string;
  policyCurrency?: string;
}

export function makeEvaluationInput(o: InputOverrides = {}): EvaluationInput {
  const wallet = o.wallet === null ? null : { currency: "INR", balance: 100_000_000, held: 0, ...o.wallet };
  return {
    intent: { amount: 500_000, currency: "INR", confidence: 0.9, merchant: "AWS", merchantCategory: "cloud", ...o.intent },
    agent: { id: AGENT_ID, status: "active", riskLevel: "low", ...o.agent },
    wallet,
    usage: { spentToday: 0, spentThisMonth: 0, intentsLastHour: 0, ...o.usage },
    policy: {
      rules: { ...DEFAULT_POLICY.rules, ...o.rules },
      approvals: { ...DEFAULT_POLICY.approvals },
      settlement: { ...DEFAULT_POLICY.settlement },
      agentOverrides: o.agentOverrides ?? {},
    },
    policyCurrency: o.policyCurrency ?? "INR",
    now: o.now ?? new Date("2025-03-15T10:00:00.000Z"),
    timeZone: o.timeZone ?? "UTC",
  };
}

export function stepOf(decision: Decision, rule: RuleName): TraceStep {
  const step = decision.trace.find((s) => s.rule === rule);
  if (!step) throw new Error(`rule ${rule} missing from trace`);
  return step;
}
