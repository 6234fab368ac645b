import { evaluatePolicy } from "@/lib/policies/engine";
import type { Policy, SpendingFreeze } from "@/lib/policies/engine/types";
import { blockingRule, FORESEEABLE_RULES, type Blocked } from "./blocking-rule";

type Facts = {
  intent: { amount: number; currency: string };
  agent: { id: string; status: "active" | "suspended" };
  freeze: SpendingFreeze | null;
  policy: Policy;
  timeZone: string;
  now: Date;
};

/**
 * What would stop an approve right now that the inbox can tell without reading the agent's
 * history: a freeze, a suspension, hours outside the time window, an amount over the hard
 * limit. Pure; the answer itself re-checks everything (recheckApproval).
 */
export function foreseeableBlock(f: Facts): Blocked | null {
  const decision = evaluatePolicy({
    intent: { amount: f.intent.amount, currency: f.intent.currency, confidence: null, merchant: null, merchantCategory: null },
    agent: { id: f.agent.id, status: f.agent.status, riskLevel: "low" },
    wallet: null,
    usage: { spentToday: 0, spentThisMonth: 0, intentsLastHour: 0 },
    policy: f.policy,
    now: f.now,
    timeZone: f.timeZone,
    freeze: f.freeze,
  });
  return blockingRule(decision, FORESEEABLE_RULES);
}
