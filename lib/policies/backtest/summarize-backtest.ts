import type { Outcome } from "@/lib/policies/engine/types";
import type { HistoricIntent, ReplayedDecision } from "./replay-policy";

const OUTCOMES: Outcome[] = ["approve", "require_approval", "deny"];
const zero = () => ({ approve: 0, require_approval: 0, deny: 0 });

export type FlippedIntent = {
  intent_id: string;
  agent_id: string;
  amount: number;
  currency: string;
  created_at: string;
  from: Outcome;
  to: Outcome;
  rule: string;
  reason: string;
};

/**
 * Compares two replays of the same intents: outcome counts, the flips between outcomes (with
 * their money per currency), the agents they touch, the change in the inbox (intents sent to a
 * person), the flipped intents themselves (newest first, up to `listLimit`), and how often the
 * current policy's replay matches what was really decided (the replay's fidelity).
 */
export function summarizeBacktest(
  intents: HistoricIntent[],
  current: Map<string, ReplayedDecision>,
  draft: Map<string, ReplayedDecision>,
  days: number,
  listLimit = 200,
) {
  const outcomes = { current: zero(), draft: zero() };
  const matrix = new Map<string, { from: Outcome; to: Outcome; count: number; amounts: Record<string, number> }>();
  const agents = new Map<string, { agent_id: string; flips: number; amounts: Record<string, number> }>();
  const money: Record<string, { approved_current: number; approved_draft: number; denied_current: number; denied_draft: number }> = {};
  const flipped: FlippedIntent[] = [];
  let evaluated = 0;
  let matchesRecorded = 0;
  let recorded = 0;
  for (const i of intents) {
    const c = current.get(i.id);
    const d = draft.get(i.id);
    if (!c || !d) continue;
    evaluated++;
    outcomes.current[c.outcome]++;
    outcomes.draft[d.outcome]++;
    if (i.recorded) {
      recorded++;
      if (i.recorded.outcome === c.outcome) matchesRecorded++;
    }
    const m = (money[i.currency] ??= { approved_current: 0, approved_draft: 0, denied_current: 0, denied_draft: 0 });
    if (c.outcome === "approve") m.approved_current += i.amount;
    if (d.outcome === "approve") m.approved_draft += i.amount;
    if (c.outcome === "deny") m.denied_current += i.amount;
    if (d.outcome === "deny") m.denied_draft += i.amount;
    if (c.outcome === d.outcome) continue;
    const k = `${c.outcome}>${d.outcome}`;
    const cell = matrix.get(k) ?? { from: c.outcome, to: d.outcome, count: 0, amounts: {} };
    cell.count++;
    cell.amounts[i.currency] = (cell.amounts[i.currency] ?? 0) + i.amount;
    matrix.set(k, cell);
    const a = agents.get(i.agentId) ?? { agent_id: i.agentId, flips: 0, amounts: {} };
    a.flips++;
    a.amounts[i.currency] = (a.amounts[i.currency] ?? 0) + i.amount;
    agents.set(i.agentId, a);
    flipped.push({
      intent_id: i.id,
      agent_id: i.agentId,
      amount: i.amount,
      currency: i.currency,
      created_at: i.createdAt.toISOString(),
      from: c.outcome,
      to: d.outcome,
      rule: d.rule,
      reason: d.reason,
    });
  }
  const flips = [...matrix.values()].sort((x, y) => OUTCOMES.indexOf(x.from) - OUTCOMES.indexOf(y.from) || OUTCOMES.indexOf(x.to) - OUTCOMES.indexOf(y.to));
  const perDay = (n: number) => Math.round((n / days) * 10) / 10;
  return {
    evaluated,
    outcomes,
    flips: { total: flipped.length, by_outcome: flips.map((f) => ({ from: f.from, to: f.to, count: f.count, amounts: f.amounts })) },
    money: Object.entries(money).map(([currency, v]) => ({ currency, ...v })),
    inbox: {
      current: outcomes.current.require_approval,
      draft: outcomes.draft.require_approval,
      change: outcomes.draft.require_approval - outcomes.current.require_approval,
      per_day_current: perDay(outcomes.current.require_approval),
      per_day_draft: perDay(outcomes.draft.require_approval),
    },
    agents: [...agents.values()].sort((x, y) => y.flips - x.flips),
    flipped: flipped.reverse().slice(0, listLimit),
    fidelity: { recorded, matching: matchesRecorded },
  };
}
