import { loadAgentActivity } from "@/lib/agents/risk/load-agent-activity";
import type { Tx } from "@/lib/db/client";
import { activeFreeze, FREEZE_COLUMNS } from "@/lib/organizations/active-freeze";
import { dayWindow, evaluatePolicy, monthWindow } from "@/lib/policies/engine";
import { getOrgPolicy } from "@/lib/policies/get-org-policy";
import { blockingRule, type Blocked } from "./blocking-rule";

type HeldIntent = {
  id: string;
  orgId: string;
  agentId: string;
  amount: bigint;
  currency: string;
  confidence: number | null;
  merchant: string | null;
  merchantCategory: string | null;
  createdAt: Date;
};

/**
 * Evaluates the policy again at the moment a person approves, under the policy (agent
 * overrides included), freezes and clock of that moment: a freeze, a suspension, hours
 * outside the time window, a currency or merchant since blocked, a lowered hard limit or
 * budget all stop an approval that was fine when asked for (blockingRule names which rules
 * count). This intent's own hold is taken out of the wallet's held amount and of the budget
 * windows it sits in, so it is not counted twice. Locks the agent row first, like a decision does.
 */
export async function recheckApproval(tx: Tx, intent: HeldIntent, at: Date): Promise<Blocked | null> {
  await tx.$queryRaw`SELECT id FROM agents WHERE id = ${intent.agentId}::uuid FOR UPDATE`;
  const agent = await tx.agent.findUniqueOrThrow({
    where: { id: intent.agentId },
    include: { org: { select: { ...FREEZE_COLUMNS, timeZone: true } } },
  });
  const wallet = await tx.wallet.findUnique({ where: { agentId_currency: { agentId: agent.id, currency: intent.currency } } });
  const { policy } = await getOrgPolicy(tx, intent.orgId);
  const timeZone = agent.org.timeZone;
  const activity = (await loadAgentActivity(tx, [agent.id], at, timeZone)).get(agent.id)!;
  const spent = activity.spend.get(intent.currency) ?? { today: 0, month: 0 };
  const amount = Number(intent.amount);
  const own = (start: Date) => (intent.createdAt >= start ? amount : 0);
  const decision = evaluatePolicy({
    intent: { amount, currency: intent.currency, confidence: intent.confidence, merchant: intent.merchant, merchantCategory: intent.merchantCategory },
    agent: { id: agent.id, status: agent.status, riskLevel: "low" }, // risk is a person's call here, not re-checked
    wallet: wallet && { currency: wallet.currency, balance: Number(wallet.balance), held: Math.max(0, Number(wallet.held) - amount) },
    usage: {
      spentToday: Math.max(0, spent.today - own(dayWindow(at, timeZone).start)),
      spentThisMonth: Math.max(0, spent.month - own(monthWindow(at, timeZone).start)),
      intentsLastHour: 0,
    },
    policy,
    now: at,
    timeZone,
    freeze: activeFreeze(agent.org, agent),
  });
  return blockingRule(decision);
}
