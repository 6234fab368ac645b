import type { SqlTx } from "@/lib/db/sql";

/** The id of the agent's wallet in a currency (every approved or held intent has one). */
export async function findWalletId(tx: SqlTx, agentId: string, currency: string): Promise<string> {
  const w = await tx.selectFrom("wallets").select("id").where("agent_id", "=", agentId).where("currency", "=", currency).executeTakeFirstOrThrow();
  return w.id;
}
