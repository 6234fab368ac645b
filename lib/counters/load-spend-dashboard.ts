import type { DbOrTx } from "@/lib/db/client";
import { lastDays, type DaySpend } from "@/lib/agents/spend-per-day";
import { resolveEffectiveRules } from "@/lib/policies/engine";
import { getOrgPolicy } from "@/lib/policies/get-org-policy";

export type AgentSpend = { agentId: string; name: string; last30: number; month: number; monthlyBudget: number | null };

/**
 * The spend dashboard, from the day counters alone (never the intents): the organisation's
 * spend per day, each agent's spend over the window and this month against its monthly budget,
 * and the approval trend per day of submission (still waiting; rejected by a person). One read
 * of `agent_day_counters` through (org_id, day), whatever the history.
 */
export async function loadSpendDashboard(db: DbOrTx, orgId: string, currency: string, timeZone: string, days = 30, now = new Date()) {
  const dates = lastDays(now, timeZone, days);
  const monthStart = `${dates.at(-1)!.slice(0, 8)}01`;
  const since = monthStart < dates[0] ? monthStart : dates[0];
  const [rows, agents, { policy }] = await Promise.all([
    db.$queryRaw<{ day: string; agent_id: string; spent: bigint; pending_approval: number; rejected: number; approved: number; denied: number }[]>`
      SELECT to_char(day, 'YYYY-MM-DD') AS day, agent_id::text AS agent_id, spent, pending_approval, rejected, approved, denied
      FROM agent_day_counters WHERE org_id = ${orgId} AND currency = ${currency} AND day >= ${since}::date`,
    db.agent.findMany({ where: { orgId }, select: { id: true, name: true } }),
    getOrgPolicy(db, orgId),
  ]);
  const inWindow = new Set(dates);
  const perDay = new Map<string, { spend: number; waiting: number; rejected: number; decided: number }>();
  const perAgent = new Map<string, { last30: number; month: number }>();
  for (const r of rows) {
    const spent = Number(r.spent);
    const a = perAgent.get(r.agent_id) ?? { last30: 0, month: 0 };
    if (r.day >= monthStart) a.month += spent;
    if (inWindow.has(r.day)) {
      a.last30 += spent;
      const d = perDay.get(r.day) ?? { spend: 0, waiting: 0, rejected: 0, decided: 0 };
      d.spend += spent;
      d.waiting += r.pending_approval;
      d.rejected += r.rejected;
      d.decided += r.approved + r.denied;
      perDay.set(r.day, d);
    }
    perAgent.set(r.agent_id, a);
  }
  const series = (pick: (d: { spend: number; waiting: number; rejected: number }) => number): DaySpend[] =>
    dates.map((day) => ({ day, amount: perDay.has(day) ? pick(perDay.get(day)!) : 0 }));
  const byAgent: AgentSpend[] = agents
    .map((g) => ({
      agentId: g.id,
      name: g.name,
      last30: perAgent.get(g.id)?.last30 ?? 0,
      month: perAgent.get(g.id)?.month ?? 0,
      monthlyBudget: resolveEffectiveRules(policy, g.id).monthlyBudget,
    }))
    .sort((a, b) => b.last30 - a.last30 || a.name.localeCompare(b.name));
  return { days, spend: series((d) => d.spend), waiting: series((d) => d.waiting), rejected: series((d) => d.rejected), byAgent };
}
