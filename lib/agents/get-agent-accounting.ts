import type { DbOrTx } from "@/lib/db/client";

/** An agent's accounting defaults (GL code, cost centre), or nulls; another organisation's agent reads as none. */
export async function getAgentAccounting(db: DbOrTx, orgId: string, agentId: string) {
  const row = await db.agent.findFirst({ where: { id: agentId, orgId }, select: { glCode: true, costCenter: true } });
  return { gl_code: row?.glCode ?? null, cost_center: row?.costCenter ?? null };
}
