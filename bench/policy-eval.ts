// Part 1: how long one call of the pure policy engine (evaluatePolicy) takes.
import { DEFAULT_POLICY, evaluatePolicy, RISK_LEVELS, type EvaluationInput, type Outcome, type Policy } from "../lib/policies/engine";
import { percentile } from "./stats";

export type PolicyEvalResult = { decisions: number; p50Us: number; p99Us: number; meanUs: number; outcomes: Record<Outcome, number> };

const AGENTS = [
  "3f1c2b9e-8d4a-4c6e-9b2f-0a1d2e3f4a5b",
  "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
  "0b7e6f3a-2c1d-4e5f-8a9b-7c6d5e4f3a2b",
  "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a",
];
const MERCHANTS = ["AWS", "GitHub", "OpenAI", "Slack", "Lucky Casino", "Figma", null, "Stripe"];
const CATEGORIES = ["cloud", "saas", "ai", "gambling", null, "travel"];
const AMOUNTS = [100, 50_000, 999_999, 1_000_000, 2_500_000, 6_000_000, 9_000_000, 12_000_000];

function policyVariant(i: number): Policy {
  const base: Policy = {
    rules: { ...DEFAULT_POLICY.rules },
    approvals: { ...DEFAULT_POLICY.approvals },
    settlement: { ...DEFAULT_POLICY.settlement },
    agentOverrides: {},
  };
  if (i % 3 === 1) base.rules = { ...base.rules, merchantBlocklist: ["Lucky Casino", "Shady Ltd"], categoryAllowlist: ["cloud", "saas", "ai"] };
  if (i % 3 === 2) base.rules = { ...base.rules, merchantAllowlist: ["AWS", "GitHub", "OpenAI", "Slack", "Figma", "Stripe"] };
  if (i % 2 === 0) base.agentOverrides = { [AGENTS[0]]: { autoApproveLimit: 2_000_000, dailyBudget: null }, [AGENTS[2]]: { maxIntentsPerHour: 10 } };
  return base;
}

/** A deterministic spread of inputs that end in every outcome and exercise every rule. */
export function makeInputs(count: number): EvaluationInput[] {
  const inputs: EvaluationInput[] = [];
  const policies = [0, 1, 2, 3, 4, 5].map(policyVariant);
  for (let i = 0; i < count; i++) {
    const currency = i % 11 === 0 ? "USD" : "INR";
    inputs.push({
      intent: {
        amount: AMOUNTS[i % AMOUNTS.length],
        currency,
        confidence: i % 7 === 0 ? null : [0.99, 0.8, 0.55, 0.95, 0.3][i % 5],
        merchant: MERCHANTS[i % MERCHANTS.length],
        merchantCategory: CATEGORIES[(i >> 1) % CATEGORIES.length],
      },
      agent: { id: AGENTS[i % AGENTS.length], status: i % 13 === 0 ? "suspended" : "active", riskLevel: RISK_LEVELS[(i >> 2) % 4] },
      wallet: i % 17 === 0 ? null : { currency, balance: [100_000_000, 3_000_000, 500_000][i % 3], held: (i % 4) * 100_000 },
      usage: { spentToday: (i % 6) * 1_000_000, spentThisMonth: (i % 10) * 5_000_000, intentsLastHour: (i * 7) % 70 },
      policy: policies[i % policies.length],
      policyCurrency: "INR",
      now: new Date(Date.UTC(2025, i % 12, 1 + (i % 28), i % 24, (i * 13) % 60)),
      timeZone: i % 2 === 0 ? "Asia/Kolkata" : "UTC",
    });
  }
  return inputs;
}

/**
 * Times every call separately with hrtime.bigint (overhead ~0.05 µs, well below a decision),
 * in batches of 1,000 after a warm-up so the JIT has settled.
 */
export function benchPolicyEval(decisions = 50_000, warmup = 5_000): PolicyEvalResult {
  const inputs = makeInputs(512);
  let sink = 0;
  for (let i = 0; i < warmup; i++) sink += evaluatePolicy(inputs[i % inputs.length]).trace.length;

  const samples = new Float64Array(decisions);
  const outcomes: Record<Outcome, number> = { approve: 0, deny: 0, require_approval: 0 };
  const batch = 1_000;
  let total = 0;
  for (let start = 0; start < decisions; start += batch) {
    const end = Math.min(decisions, start + batch);
    for (let i = start; i < end; i++) {
      const input = inputs[i % inputs.length];
      const t0 = process.hrtime.bigint();
      const d = evaluatePolicy(input);
      const t1 = process.hrtime.bigint();
      samples[i] = Number(t1 - t0) / 1_000;
      total += samples[i];
      outcomes[d.outcome]++;
    }
  }
  if (sink < 0) console.log(sink); // keep the warm-up from being optimised away
  const values = Array.from(samples);
  return { decisions, p50Us: percentile(values, 50), p99Us: percentile(values, 99), meanUs: total / decisions, outcomes };
}
