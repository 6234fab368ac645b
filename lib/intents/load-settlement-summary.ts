import type { DbOrTx } from "@/lib/db/client";

export type SettlementSummary = {
  currency: string;
  approved: number;
  approvedCount: number;
  captured: number;
  returned: number;
  voidedCount: number;
  partialCount: number;
  uncaptured: number;
  uncapturedCount: number;
};

/**
 * Approved against captured, per currency, for an organisation or one agent: what was
 * approved, what agents reported paying, what went back to wallets, and what is still
 * waiting for a capture or void. Read from the day counters (one row per agent, currency and
 * day, kept in step by every decision, answer, capture and void), so its cost follows the
 * number of agents and days, not of intents.
 */
export async function loadSettlementSummary(db: DbOrTx, orgId: string, agentId?: string): Promise<SettlementSummary[]> {
  const rows = await db.$queryRaw<
    { currency: string; approved: bigint; approved_n: bigint; captured: bigint; returned: bigint; captured_n: bigint; partial_n: bigint; voided_n: bigint }[]
  >`
    SELECT currency, SUM(approved_amount)::bigint AS approved, SUM(approved)::bigint AS approved_n,
      SUM(captured_amount)::bigint AS captured, SUM(returned_amount)::bigint AS returned,
      SUM(captured)::bigint AS captured_n, SUM(partial)::bigint AS partial_n, SUM(voided)::bigint AS voided_n
    FROM agent_day_counters
    WHERE org_id = ${orgId} AND (${agentId ?? null}::uuid IS NULL OR agent_id = ${agentId ?? null}::uuid)
    GROUP BY currency HAVING SUM(approved) > 0 ORDER BY currency`;
  return rows.map((r) => {
    const approved = Number(r.approved);
    const captured = Number(r.captured);
    const returned = Number(r.returned);
    return {
      currency: r.currency.trim(),
      approved,
      approvedCount: Number(r.approved_n),
      captured,
      returned,
      voidedCount: Number(r.voided_n),
      partialCount: Number(r.partial_n),
      uncaptured: approved - captured - returned,
      uncapturedCount: Number(r.approved_n) - Number(r.captured_n) - Number(r.voided_n),
    };
  });
}
