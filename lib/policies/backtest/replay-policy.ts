import { dayWindow, evaluatePolicy, monthWindow } from "@/lib/policies/engine";
import type { Decision, Outcome, Policy, RiskLevel } from "@/lib/policies/engine/types";

/** One intent of history as the replay needs it. */
export type HistoricIntent = {
  id: string;
  agentId: string;
  amount: number;
  /** What it finally committed (captured amount once settled, else amount). */
  committed: number;
  currency: string;
  confidence: number | null;
  merchant: string | null;
  merchantCategory: string | null;
  createdAt: Date;
  /** The decision recorded at the time (null when it was never decided). */
  recorded: { outcome: Outcome; rule: string; riskLevel: RiskLevel } | null;
  /** Final status: approved, denied, pending_approval, expired, pending. */
  status: string;
  /** Facts recorded with the original decision that the replay reuses as they were. */
  agentSuspended: boolean;
  /** The organisation or agent was frozen (kill switch) when it was decided. */
  frozen: boolean;
  walletShort: boolean;
  noWallet: boolean;
};

export type ReplayedDecision = Pick<Decision, "outcome" | "rule" | "reason">;

const BIG = Number.MAX_SAFE_INTEGER;

/**
 * Decides `intents` (oldest first) again under `policy`, in order, with the engine itself.
 * Per agent and currency it keeps the spend of the budget day and month as the replay goes:
 * an intent adds to it when the replayed policy approves it, or sends it to a person and the
 * person did not turn it down (it was approved or is still waiting, or never reached a person
 * then). The velocity window counts every submitted intent (submissions do not depend on the
 * policy). Intents before `from` are history only: they count with their real outcome.
 * What is not replayed is taken from the original decision: the agent's risk level and
 * status, a freeze (kill switch), and whether its wallet covered the amount.
 */
export function replayPolicy(intents: HistoricIntent[], policy: Policy, from: Date, timeZone: string, policyCurrency: string): Map<string, ReplayedDecision> {
  const spend = new Map<string, { day: number; dayEnd: number; month: number; monthEnd: number }>();
  const hour = new Map<string, { ts: number[]; head: number }>();
  const out = new Map<string, ReplayedDecision>();
  for (const i of intents) {
    const at = i.createdAt;
    const t = at.getTime();
    const key = `${i.agentId}:${i.currency}`;
    let s = spend.get(key);
    if (!s || t >= s.monthEnd) {
      s = { day: 0, dayEnd: dayWindow(at, timeZone).resetsAt.getTime(), month: 0, monthEnd: monthWindow(at, timeZone).resetsAt.getTime() };
      spend.set(key, s);
    } else if (t >= s.dayEnd) {
      s.day = 0;
      s.dayEnd = dayWindow(at, timeZone).resetsAt.getTime();
    }
    let times = hour.get(i.agentId);
    if (!times) hour.set(i.agentId, (times = { ts: [], head: 0 }));
    while (times.head < times.ts.length && times.ts[times.head] <= t - 3_600_000) times.head++;

    let counts: boolean;
    if (t < from.getTime()) {
      counts = i.status === "approved" || i.status === "pending_approval";
    } else {
      const d = evaluatePolicy({
        intent: { amount: i.amount, currency: i.currency, confidence: i.confidence, merchant: i.merchant, merchantCategory: i.merchantCategory },
        agent: { id: i.agentId, status: i.agentSuspended ? "suspended" : "active", riskLevel: i.recorded?.riskLevel ?? "low" },
        wallet: i.noWallet ? null : { currency: i.currency, balance: i.walletShort ? 0 : BIG, held: 0 },
        usage: { spentToday: s.day, spentThisMonth: s.month, intentsLastHour: times.ts.length - times.head },
        policy,
        policyCurrency,
        now: at,
        timeZone,
        freeze: i.frozen ? { scope: "organization", since: at.toISOString(), by: null, reason: "frozen when it was decided" } : null,
      });
      out.set(i.id, { outcome: d.outcome, rule: d.rule, reason: d.reason });
      const turnedDown = i.recorded?.outcome === "require_approval" && (i.status === "denied" || i.status === "expired");
      counts = d.outcome === "approve" || (d.outcome === "require_approval" && !turnedDown);
    }
    if (counts) {
      const amount = i.status === "approved" ? i.committed : i.amount;
      s.day += amount;
      s.month += amount;
    }
    times.ts.push(t);
  }
  return out;
}
