import type { DbOrTx } from "@/lib/db/client";

/**
 * The money waiting for a person, per currency: what the organisation's wallets hold for open
 * approvals (a hold is placed when an approval opens and released when it closes). One grouped
 * read of the organisation's wallets, never of its approvals or intents.
 */
export async function sumAwaitingDecision(db: DbOrTx, orgId: string): Promise<{ currency: string; amount: number }[]> {
  const rows = await db.wallet.groupBy({ by: ["currency"], where: { orgId, held: { gt: 0 } }, _sum: { held: true }, orderBy: { currency: "asc" } });
  return rows.map((r) => ({ currency: r.currency, amount: Number(r._sum.held ?? 0) }));
}
