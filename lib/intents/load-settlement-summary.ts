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
 * waiting for a capture or void. One aggregate query over approved intents.
 */
export async function loadSettlementSummary(db: DbOrTx, orgId: string, agentId?: string): Promise<SettlementSummary[]> {
  const rows = await db.$queryRaw<
    {
      currency: string;
      approved: bigint;
      approved_n: bigint;
      captured: bigint;
      returned: bigint;
      voided_n: bigint;
      partial_n: bigint;
      open: bigint;
      open_n: bigint;
    }[]
  >`
    SELECT currency,
      SUM(amount)::bigint AS approved, COUNT(*)::bigint AS approved_n,
      COALESCE(SUM(captured_amount), 0)::bigint AS captured,
      COALESCE(SUM(amount - captured_amount), 0)::bigint AS returned,
      COUNT(*) FILTER (WHERE settlement = 'voided')::bigint AS voided_n,
      COUNT(*) FILTER (WHERE settlement = 'captured' AND captured_amount < amount)::bigint AS partial_n,
      COALESCE(SUM(amount) FILTER (WHERE settlement IS NULL), 0)::bigint AS open,
      COUNT(*) FILTER (WHERE settlement IS NULL)::bigint AS open_n
    FROM intents
    WHERE org_id = ${orgId} AND status = 'approved' AND (${agentId ?? null}::uuid IS NULL OR agent_id = ${agentId ?? null}::uuid)
    GROUP BY currency ORDER BY currency`;
  return rows.map((r) => ({
    currency: r.currency.trim(),
    approved: Number(r.approved),
    approvedCount: Number(r.approved_n),
    captured: Number(r.captured),
    returned: Number(r.returned),
    voidedCount: Number(r.voided_n),
    partialCount: Number(r.partial_n),
    uncaptured: Number(r.open),
    uncapturedCount: Number(r.open_n),
  }));
}
