import type { DbOrTx } from "@/lib/db/client";

/** An agent's ledger, newest first (every wallet of the agent), for the CLI's `wallet ledger`. */
export async function listLedgerEntries(db: DbOrTx, agentId: string, limit = 100) {
  const where = { wallet: { agentId } };
  const [count, rows] = await Promise.all([
    db.ledgerEntry.count({ where }),
    db.ledgerEntry.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit, include: { wallet: { select: { currency: true } } } }),
  ]);
  return {
    agent_id: agentId,
    count,
    entries: rows.map((e) => ({
      id: e.id,
      kind: e.kind,
      amount: Number(e.amount),
      currency: e.wallet.currency,
      balance_after: Number(e.balanceAfter),
      held_after: Number(e.heldAfter),
      intent_id: e.intentId,
      memo: e.memo,
      created_at: e.createdAt.toISOString(),
    })),
  };
}
