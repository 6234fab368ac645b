import type { DbOrTx } from "@/lib/db/client";
import { lastDays, type DaySpend } from "@/lib/agents/spend-per-day";
import { resolveEffectiveRules } from "@/lib/policies/engine";
import { getOrgPolicy } from "@/lib/policies/get-org-policy";

export type AgentSpend = { agentId: string; name: string; last30: number; month: number; monthlyBudget: number | null };

/**
 * The spend dashboard, from the day counters alone (never the intents): the organisation's
 * spend per day, each agent's spend over the window and this month against its monthly budget,
 * and the approval trend per day of submission (still waiting; rejected by a person). One read
 * of `agent_day_counters` through (org_id, day), whatever the history, summed there.
 */
export async function loadSpendDashboard(db: DbOrTx, orgId: string, currency: string, timeZone: string, days = 30, now = new Date()) {
  const dates = lastDays(now, timeZone, days);
  const monthStart = `${dates.at(-1)!.slice(0, 8)}01`;
  const since = monthStart < dates[0] ? monthStart : dates[0];
  // Summed in SQL, per day and per agent (a month's days plus the agents, a few hundred rows), not
  // one row per agent and day (7,400 for 200 agents) carried to JavaScript and summed there.
  const [rows, agents, { policy }] = await Promise.all([
    db.$queryRaw<{ day: string | null; agent_id: string | null; spent: number; month: number; waiting: number; rejected: number }[]>`
      WITH c AS (
        SELECT day, agent_id, spent, pending_approval, rejected FROM agent_day_counters
        WHERE org_id = ${orgId} AND currency = ${currency} AND day >= ${since}::date
      )
      SELECT to_char(day, 'YYYY-MM-DD') AS day, NULL AS agent_id, SUM(spent)::float8 AS spent, 0::float8 AS month,
        SUM(pending_approval)::int AS waiting, SUM(rejected)::int AS rejected
      FROM c WHERE day >= ${dates[0]}::date GROUP BY day
      UNION ALL
      SELECT NULL, agent_id::text, (SUM(spent) FILTER (WHERE day >= ${dates[0]}::date))::float8, (SUM(spent) FILTER (WHERE day >= ${monthStart}::date))::float8,
        0, 0
      FROM c GROUP BY agent_id`,
    db.agent.findMany({ where: { orgId }, select: { id: true, name: true } }),
    getOrgPolicy(db, orgId),
  ]);
  const perDay = new Map<string, { spend: number; waiting: number; rejected: number }>();
  const perAgent = new Map<string, { last30: number; month: number }>();
  for (const r of rows) {
    if (r.day !== null) perDay.set(r.day, { spend: r.spent, waiting: r.waiting, rejected: r.rejected });
    else if (r.agent_id !== null) perAgent.set(r.agent_id, { last30: r.spent ?? 0, month: r.month ?? 0 });
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
