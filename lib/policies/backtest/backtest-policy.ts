import type { Actor } from "@/lib/auth/principal";
import type { DbOrTx } from "@/lib/db/client";
import { getOrgTimeZone } from "@/lib/organizations/get-org-time-zone";
import { assertCan } from "@/lib/permissions/can";
import { getOrgPolicy } from "@/lib/policies/get-org-policy";
import { parseOrgPolicy } from "@/lib/policies/parse-org-policy";
import { loadBacktestHistory } from "./load-backtest-history";
import { replayPolicy } from "./replay-policy";
import { summarizeBacktest } from "./summarize-backtest";

export const BACKTEST_DAYS = [7, 30, 90] as const;
export type BacktestDays = (typeof BACKTEST_DAYS)[number];

/** What the replay does not know from history, said with every result. */
export const BACKTEST_APPROXIMATIONS = [
  "Both the current policy and the draft are replayed over the same intents, in order, and compared with each other; 'fidelity' says how often the current policy's replay matches what was really decided.",
  "Daily and monthly budgets are replayed from the window's history: spend before the window (from the start of its first budget month) counts as it really happened; inside it, an intent counts when the replayed policy approves it or sends it to a person who did not turn it down.",
  "The velocity rule counts every submitted intent of the agent in the hour before, as submitted.",
  "The agent's risk level and status, a freeze (kill switch), and whether its wallet covered the amount are taken from the original decision.",
];

/**
 * Replays the last `days` of the organisation's intents under a draft policy and under the
 * current one, with the policy engine itself, and reports what would flip (admins only).
 */
export async function backtestPolicy(db: DbOrTx, actor: Actor, orgId: string, document: unknown, days: BacktestDays, now = new Date()) {
  assertCan(actor, "policy.backtest", { orgId });
  const { policy: draft, currency } = await parseOrgPolicy(db, orgId, document);
  const started = performance.now();
  const [current, timeZone] = await Promise.all([getOrgPolicy(db, orgId), getOrgTimeZone(db, orgId)]);
  const from = new Date(now.getTime() - days * 86_400_000);
  const history = await loadBacktestHistory(db, orgId, from, now, timeZone);
  const loadedMs = performance.now() - started;
  const replay = (policy: typeof draft) => replayPolicy(history, policy, from, timeZone, currency);
  const summary = summarizeBacktest(history, replay(current.policy), replay(draft), days);
  const named = await db.agent.findMany({ where: { orgId, id: { in: summary.agents.map((a) => a.agent_id) } }, select: { id: true, name: true } });
  const names = new Map(named.map((a) => [a.id, a.name]));
  return {
    object: "policy_backtest" as const,
    days,
    from: from.toISOString(),
    to: now.toISOString(),
    current_version: current.version,
    ...summary,
    agents: summary.agents.map((a) => ({ ...a, agent_name: names.get(a.agent_id) ?? a.agent_id })),
    flipped: summary.flipped.map((f) => ({ ...f, agent_name: names.get(f.agent_id) ?? f.agent_id })),
    timing_ms: { load: Math.round(loadedMs), total: Math.round(performance.now() - started) },
    approximations: BACKTEST_APPROXIMATIONS,
  };
}
export type BacktestResult = Awaited<ReturnType<typeof backtestPolicy>>;
