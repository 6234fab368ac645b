import type { DbOrTx } from "@/lib/db/client";
import type { Agent, Wallet } from "@/lib/generated/prisma/client";
import { getOrgPolicy } from "@/lib/policies/get-org-policy";
import { dayWindow, monthWindow, resolveEffectiveRules } from "@/lib/policies/engine";
import { getOrgTimeZone } from "@/lib/organizations/get-org-time-zone";
import type { Policy } from "@/lib/policies/engine/types";
import { AgentSchema, type AgentDto } from "./agent-schemas";
import { assessAgentRisk } from "./risk/assess-agent-risk";

export type AgentWithWallets = Agent & { wallets: Wallet[] };

export const walletView = (w: Wallet) => {
  const balance = Number(w.balance);
  const held = Number(w.held);
  return { currency: w.currency, balance, held, available: balance - held };
};

/** Full API view of an agent: risk with its factors, wallets, spend against budgets, counts. */
export async function describeAgent(db: DbOrTx, agent: AgentWithWallets, policy?: Policy, timeZone?: string, now = new Date()): Promise<AgentDto> {
  policy ??= (await getOrgPolicy(db, agent.orgId)).policy;
  timeZone ??= await getOrgTimeZone(db, agent.orgId);
  const rules = resolveEffectiveRules(policy, agent.id);
  const primary = agent.wallets[0] ?? null;
  const currency = primary?.currency ?? "INR";
  const [{ activity, risk }, grouped] = await Promise.all([
    assessAgentRisk(db, agent, policy, currency, now, timeZone),
    db.intent.groupBy({ by: ["status"], where: { agentId: agent.id }, _count: { _all: true } }),
  ]);
  const count = (s: string) => grouped.find((g) => g.status === s)?._count._all ?? 0;
  const spendWindow = (spent: number, limit: number | null, resetsAt: Date) => ({
    spent,
    limit,
    remaining: limit === null ? null : Math.max(0, limit - spent),
    resets_at: resetsAt.toISOString(),
    time_zone: timeZone,
  });
  return AgentSchema.parse({
    id: agent.id,
    object: "agent",
    name: agent.name,
    description: agent.description,
    status: agent.status,
    owner: agent.owner,
    risk_level: risk.level,
    risk_computed: risk.computed,
    risk_override: risk.override,
    risk_factors: risk.factors,
    wallet: primary ? walletView(primary) : null,
    wallets: agent.wallets.map(walletView),
    spend: {
      currency: primary?.currency ?? null,
      day: spendWindow(activity.spentToday, rules.dailyBudget, dayWindow(now, timeZone).resetsAt),
      month: spendWindow(activity.spentThisMonth, rules.monthlyBudget, monthWindow(now, timeZone).resetsAt),
    },
    frozen: agent.frozenAt ? { frozen_at: agent.frozenAt.toISOString(), frozen_by: agent.frozenBy, reason: agent.frozenReason } : null,
    counts: {
      approved: count("approved"),
      denied: count("denied"),
      pending_approval: count("pending_approval"),
      pending: count("pending"),
      expired: count("expired"),
    },
    created_at: agent.createdAt.toISOString(),
  });
}
