import type { DbOrTx } from "@/lib/db/client";

export type SettlementGap = {
  intentId: string;
  agentId: string;
  agentName: string;
  merchant: string | null;
  currency: string;
  approved: number;
  captured: number | null;
  kind: "uncaptured" | "partial" | "voided";
  decidedAt: string;
  settledAt: string | null;
};

/**
 * Where approved and paid differ: approvals still waiting for a capture or void (oldest
 * first, since those are the ones to chase), then partial captures and voids, newest first.
 */
export async function listSettlementGaps(db: DbOrTx, orgId: string, limit = 100, range: { from?: Date; to?: Date } = {}): Promise<SettlementGap[]> {
  // A range narrows uncaptured approvals by when they were approved, and partial captures and
  // voids by when they were settled (their reversal line's time): both read through their index.
  const decided = range.from || range.to ? { decidedAt: { ...(range.from ? { gte: range.from } : {}), ...(range.to ? { lt: range.to } : {}) } } : {};
  const from = range.from ?? new Date(0);
  // The far end PostgreSQL can take as a timestamp (JavaScript's largest date, year 275760, is not).
  const to = range.to ?? new Date("9999-12-31T00:00:00Z");
  const select = {
    id: true,
    agentId: true,
    merchant: true,
    currency: true,
    amount: true,
    capturedAmount: true,
    settlement: true,
    decidedAt: true,
    settledAt: true,
    agent: { select: { name: true } },
  } as const;
  const [open, settled] = await Promise.all([
    // Ordering by settlement too (always null here, so the order is unchanged) lets PostgreSQL read
    // the (org_id, status, settlement, decided_at) index in order instead of sorting every open approval.
    db.intent.findMany({
      where: { orgId, status: "approved", settlement: null, ...decided },
      orderBy: [{ settlement: "asc" }, { decidedAt: "asc" }, { id: "asc" }],
      take: limit,
      select,
    }),
    // A partial capture or a void returned money with a reversal line (settle-approved-intent.ts) in
    // the transaction that settled it: the newest reversals name them through a small index, where
    // "captured_amount < amount" would read every settled intent. An intent settles once, so it has
    // one reversal; twice the limit leaves room for the ledger's clock and settled_at to differ.
    db.$queryRaw<{ id: string }[]>`
      SELECT i.id FROM (
        SELECT intent_id FROM ledger_entries
        WHERE org_id = ${orgId} AND kind = 'reversal' AND intent_id IS NOT NULL AND created_at >= ${from} AND created_at < ${to}
        ORDER BY created_at DESC LIMIT ${limit * 2}
      ) r JOIN intents i ON i.id = r.intent_id
      WHERE i.status = 'approved' AND i.settlement IS NOT NULL AND i.captured_amount < i.amount
      ORDER BY i.settled_at DESC LIMIT ${limit}`.then((ids) =>
      db.intent.findMany({ where: { id: { in: ids.map((r) => r.id) } }, orderBy: [{ settledAt: "desc" }, { id: "asc" }], select }),
    ),
  ]);
  return [...open, ...settled].map((i) => ({
    intentId: i.id,
    agentId: i.agentId,
    agentName: i.agent.name,
    merchant: i.merchant,
    currency: i.currency,
    approved: Number(i.amount),
    captured: i.capturedAmount === null ? null : Number(i.capturedAmount),
    kind: i.settlement === null ? "uncaptured" : i.settlement === "voided" ? "voided" : "partial",
    decidedAt: (i.decidedAt ?? new Date(0)).toISOString(),
    settledAt: i.settledAt?.toISOString() ?? null,
  }));
}
