import { evaluatePolicy } from "@/lib/policies/engine";
import type { Policy, SpendingFreeze } from "@/lib/policies/engine/types";
import { blockingRule, FORESEEABLE_RULES, type Blocked } from "./blocking-rule";

type Facts = {
  intent: { amount: number; currency: string; merchant: string | null; merchantCategory: string | null; confidence: number | null };
  agent: { id: string; status: "active" | "suspended" };
  freeze: SpendingFreeze | null;
  policy: Policy;
  /** The organisation's currency, which the policy's amounts are in. */
  policyCurrency: string;
  timeZone: string;
  now: Date;
};

/**
 * What would stop an approve right now that the inbox can tell without reading the agent's
 * spend: a freeze, a suspension, hours outside the time window, the currency, an amount over
 * the hard limit, a blocked (or no longer allowed) merchant or category, too low a confidence.
 * Pure; the answer itself re-checks everything (recheckApproval).
 */
export function foreseeableBlock(f: Facts): Blocked | null {
  const decision = evaluatePolicy({
    intent: f.intent,
    agent: { id: f.agent.id, status: f.agent.status, riskLevel: "low" },
    // The balance is checked on answering; a wallet in the intent's currency keeps the currency rule about the policy's currency.
    wallet: { currency: f.intent.currency, balance: Number.MAX_SAFE_INTEGER, held: 0 },
    usage: { spentToday: 0, spentThisMonth: 0, intentsLastHour: 0 },
    policy: f.policy,
    policyCurrency: f.policyCurrency,
    now: f.now,
    timeZone: f.timeZone,
    freeze: f.freeze,
  });
  return blockingRule(decision, FORESEEABLE_RULES);
}
