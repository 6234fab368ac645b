import type { DbOrTx } from "@/lib/db/client";
import { dayWindow, monthWindow } from "@/lib/policies/engine";
import { LOW_CONFIDENCE, type RiskHistory } from "@/lib/agents/risk/compute-risk-level";

export type AgentActivity = {
  spentToday: number; // in `currency`, approved + held
  spentThisMonth: number;
  intentsLastHour: number;
  history: Omit<RiskHistory, "monthlyBudget" | "now">;
};

const DAY_MS = 86_400_000;

/**
 * Everything the policy engine and the risk score need from an agent's history, in one
 * round trip. Spend counts approved intents (what they captured, once settled) and those held
 * for approval, by creation time.
 */
export async function loadAgentActivity(
  db: DbOrTx,
  agentId: string,
  currency: string,
  now: Date,
  timeZone: string,
  excludeIntentId = "",
): Promise<AgentActivity> {
  const day = dayWindow(now, timeZone).start;
  const month = monthWindow(now, timeZone).start;
  const hourAgo = new Date(now.getTime() - 3_600_000);
  const since30 = new Date(now.getTime() - 30 * DAY_MS);
  const from = month < since30 ? month : since30;
  const [row] = await db.$queryRaw<
    { spent_today: bigint; spent_month: bigint; last_hour: bigint; decided: bigint; denied: bigint; low_conf: bigint; rejected: bigint }[]
  >`
    SELECT
      COALESCE(SUM(COALESCE(i.captured_amount, i.amount)) FILTER (WHERE i.currency = ${currency} AND i.status IN ('approved','pending_approval') AND i.created_at >= ${day}), 0)::bigint AS spent_today,
      COALESCE(SUM(COALESCE(i.captured_amount, i.amount)) FILTER (WHERE i.currency = ${currency} AND i.status IN ('approved','pending_approval') AND i.created_at >= ${month}), 0)::bigint AS spent_month,
      COUNT(*) FILTER (WHERE i.created_at >= ${hourAgo} AND i.id <> ${excludeIntentId}) AS last_hour,
      COUNT(*) FILTER (WHERE i.status <> 'pending' AND i.created_at >= ${since30}) AS decided,
      COUNT(*) FILTER (WHERE i.status = 'denied' AND i.created_at >= ${since30}) AS denied,
      COUNT(*) FILTER (WHERE i.confidence < ${LOW_CONFIDENCE} AND i.status <> 'pending' AND i.created_at >= ${since30}) AS low_conf,
      COUNT(a.id) FILTER (WHERE a.status = 'rejected' AND i.created_at >= ${since30}) AS rejected
    FROM intents i LEFT JOIN approvals a ON a.intent_id = i.id
    WHERE i.agent_id = ${agentId}::uuid AND i.created_at >= ${from}`;
  return {
    spentToday: Number(row.spent_today),
    spentThisMonth: Number(row.spent_month),
    intentsLastHour: Number(row.last_hour),
    history: {
      decided: Number(row.decided),
      denied: Number(row.denied),
      lowConfidence: Number(row.low_conf),
      rejectedApprovals: Number(row.rejected),
      spentThisMonth: Number(row.spent_month),
    },
  };
}
