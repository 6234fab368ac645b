import type { Db } from "@/lib/db/client";
import type { Agent, Wallet } from "@/lib/generated/prisma/client";
import { getOrgPolicy } from "@/lib/policies/get-org-policy";
import { dayWindow, monthWindow, resolveEffectiveRules } from "@/lib/policies/engine";
import { getOrgLocale, type OrgLocale } from "@/lib/organizations/get-org-locale";
import type { Policy } from "@/lib/policies/engine/types";
import { AgentSchema, type AgentDto } from "./agent-schemas";
import { riskFromActivity } from "./risk/assess-agent-risk";
import { loadAgentActivity, type AgentActivity } from "./risk/load-agent-activity";

export type AgentWithWallets = Agent & { wallets: Wallet[] };

type Money = bigint | number;
export const walletView = (w: { currency: string; balance: Money; held: Money; lowBalanceThreshold: Money | null }) => {
  const balance = Number(w.balance);
  const held = Number(w.held);
  const threshold = w.lowBalanceThreshold === null ? null : Number(w.lowBalanceThreshold);
  return { currency: w.currency, balance, held, available: balance - held, low_balance_threshold: threshold };
};

/** Full API view of an agent: risk with its factors, wallets, spend against budgets, counts. */
export async function describeAgent(db: Db, agent: AgentWithWallets, now = new Date()): Promise<AgentDto> {
  return (await describeAgents(db, agent.orgId, [agent], now))[0];
}

/** Several agents of one organisation: its policy once, every agent's counters in one query. */
export async function describeAgents(db: Db, orgId: string, agents: AgentWithWallets[], now = new Date()): Promise<AgentDto[]> {
  const [{ policy }, { timeZone, currency }] = await Promise.all([getOrgPolicy(db, orgId), getOrgLocale(db, orgId)]);
  const activity = await loadAgentActivity(
    db,
    agents.map((a) => a.id),
    now,
    timeZone,
  );
  return agents.map((agent) => agentView(agent, activity.get(agent.id)!, policy, { timeZone, currency }, now));
}

/**
 * The API view from counters already loaded (lists load them for a whole page at once). An
 * agent without a wallet is judged in the organisation's currency.
 */
export function agentView(agent: AgentWithWallets, activity: AgentActivity, policy: Policy, org: OrgLocale, now: Date): AgentDto {
  const { timeZone } = org;
  const rules = resolveEffectiveRules(policy, agent.id);
  const primary = agent.wallets[0] ?? null;
  const currency = primary?.currency ?? org.currency;
  const risk = riskFromActivity(activity, agent, policy, currency, now, timeZone);
  const spent = activity.spend.get(currency) ?? { today: 0, month: 0 };
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
      day: spendWindow(spent.today, rules.dailyBudget, dayWindow(now, timeZone).resetsAt),
      month: spendWindow(spent.month, rules.monthlyBudget, monthWindow(now, timeZone).resetsAt),
    },
    frozen: agent.frozenAt ? { frozen_at: agent.frozenAt.toISOString(), frozen_by: agent.frozenBy, reason: agent.frozenReason } : null,
    counts: activity.counts,
    created_at: agent.createdAt.toISOString(),
  });
}
