import type { DbOrTx } from "@/lib/db/client";

/** Every agent of the organisation with its name and accounting defaults, for the intents CSV. */
export async function listAgentAccounting(
  db: DbOrTx,
  orgId: string,
): Promise<Map<string, { name: string; gl_code: string | null; cost_center: string | null }>> {
  const rows = await db.agent.findMany({ where: { orgId }, select: { id: true, name: true, glCode: true, costCenter: true } });
  return new Map(rows.map((r) => [r.id, { name: r.name, gl_code: r.glCode, cost_center: r.costCenter }]));
}
