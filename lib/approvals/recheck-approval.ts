import { loadAgentActivity } from "@/lib/agents/risk/load-agent-activity";
import type { SqlTx } from "@/lib/db/sql";
import { activeFreeze } from "@/lib/organizations/active-freeze";
import { dayWindow, evaluatePolicy, monthWindow } from "@/lib/policies/engine";
import { getDecisionPolicies } from "@/lib/policies/get-decision-policies";
import { lockAgent } from "@/lib/intents/lock-decision-inputs";
import { blockingRule, type Blocked } from "./blocking-rule";

export type HeldIntent = {
  id: string;
  org_id: string;
  agent_id: string;
  amount: number;
  currency: string;
  confidence: number | null;
  merchant: string | null;
  merchant_category: string | null;
  created_at: Date;
};

/**
 * Evaluates the policy again at the moment a person approves, under the policy (agent
 * overrides included), freezes and clock of that moment: a freeze, a suspension, hours
 * outside the time window, a currency or merchant since blocked, a lowered hard limit or
 * budget all stop an approval that was fine when asked for (blockingRule names which rules
 * count). This intent's own hold is taken out of the wallet's held amount and of the budget
 * windows it sits in, so it is not counted twice. Locks the agent row first, like a decision does.
 */
export async function recheckApproval(tx: SqlTx, intent: HeldIntent, at: Date): Promise<Blocked | null> {
  await lockAgent(tx, intent.org_id, intent.agent_id);
  const agent = await tx
    .selectFrom("agents as a")
    .innerJoin("organizations as o", "o.id", "a.org_id")
    .leftJoin("wallets as w", (j) => j.onRef("w.agent_id", "=", "a.id").on("w.currency", "=", intent.currency))
    .select(["a.status", "a.frozen_at", "a.frozen_by", "a.frozen_reason", "o.frozen_at as org_frozen_at", "o.frozen_by as org_frozen_by"])
    .select(["o.frozen_reason as org_frozen_reason", "w.balance", "w.held", "w.currency as wallet_currency"])
    .where("a.id", "=", intent.agent_id)
    .executeTakeFirstOrThrow();
  const { policy, timeZone, currency: policyCurrency } = await getDecisionPolicies(tx, intent.org_id);
  const activity = (await loadAgentActivity(tx, [intent.agent_id], at, timeZone)).get(intent.agent_id)!;
  const spent = activity.spend.get(intent.currency) ?? { today: 0, month: 0 };
  const amount = intent.amount;
  const own = (start: Date) => (intent.created_at >= start ? amount : 0);
  const decision = evaluatePolicy({
    intent: { amount, currency: intent.currency, confidence: intent.confidence, merchant: intent.merchant, merchantCategory: intent.merchant_category },
    agent: { id: intent.agent_id, status: agent.status, riskLevel: "low" }, // risk is a person's call here, not re-checked
    wallet: agent.wallet_currency === null ? null : { currency: agent.wallet_currency, balance: agent.balance!, held: Math.max(0, agent.held! - amount) },
    usage: {
      spentToday: Math.max(0, spent.today - own(dayWindow(at, timeZone).start)),
      spentThisMonth: Math.max(0, spent.month - own(monthWindow(at, timeZone).start)),
      intentsLastHour: 0,
    },
    policy,
    policyCurrency,
    now: at,
    timeZone,
    freeze: activeFreeze(
      { frozenAt: agent.org_frozen_at, frozenBy: agent.org_frozen_by, frozenReason: agent.org_frozen_reason },
      { frozenAt: agent.frozen_at, frozenBy: agent.frozen_by, frozenReason: agent.frozen_reason },
    ),
  });
  return blockingRule(decision);
}
