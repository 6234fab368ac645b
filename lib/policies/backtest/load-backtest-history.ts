import type { DbOrTx } from "@/lib/db/client";
import { monthWindow } from "@/lib/policies/engine";
import type { Outcome, RiskLevel } from "@/lib/policies/engine/types";
import type { HistoricIntent } from "./replay-policy";

type Row = {
  id: string;
  agent_id: string;
  amount: bigint;
  committed: bigint;
  currency: string;
  confidence: number | null;
  merchant: string | null;
  merchant_category: string | null;
  created_at: Date;
  status: string;
  outcome: Outcome | null;
  rule: string | null;
  risk_level: RiskLevel | null;
  wallet_short: boolean | null;
  no_wallet: boolean | null;
};

/**
 * The organisation's intents from the start of the budget month containing `from` (earlier
 * ones seed that month's spend) up to `to`, oldest first, in one statement, with the facts of
 * their recorded decision the replay reuses.
 */
export async function loadBacktestHistory(db: DbOrTx, orgId: string, from: Date, to: Date, timeZone: string): Promise<HistoricIntent[]> {
  const seedFrom = new Date(Math.min(monthWindow(from, timeZone).start.getTime(), from.getTime() - 3_600_000));
  const rows = await db.$queryRaw<Row[]>`
    SELECT i.id, i.agent_id::text AS agent_id, i.amount, CASE WHEN i.settled_by_agent THEN i.amount ELSE COALESCE(i.captured_amount, i.amount) END AS committed, i.currency, i.confidence,
      i.merchant, i.merchant_category, i.created_at, i.status::text AS status,
      d.outcome::text AS outcome, d.rule, d.risk_level::text AS risk_level,
      d.trace @> '[{"rule":"wallet_balance","result":"deny"}]' AS wallet_short,
      d.trace @> '[{"rule":"currency","result":"deny"}]' AS no_wallet
    FROM intents i LEFT JOIN policy_decisions d ON d.intent_id = i.id
    WHERE i.org_id = ${orgId} AND i.created_at >= ${seedFrom} AND i.created_at < ${to}
    ORDER BY i.created_at, i.id`;
  return rows.map((r) => ({
    id: r.id,
    agentId: r.agent_id,
    amount: Number(r.amount),
    committed: Number(r.committed),
    currency: r.currency,
    confidence: r.confidence,
    merchant: r.merchant,
    merchantCategory: r.merchant_category,
    createdAt: r.created_at,
    status: r.status,
    recorded: r.outcome ? { outcome: r.outcome, rule: r.rule ?? "", riskLevel: r.risk_level ?? "low" } : null,
    agentSuspended: r.outcome === "deny" && r.rule === "agent_status",
    frozen: r.outcome === "deny" && r.rule === "frozen",
    walletShort: r.wallet_short === true,
    noWallet: r.no_wallet === true,
  }));
}
