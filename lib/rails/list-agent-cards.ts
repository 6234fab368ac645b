import { getAgentOrThrow } from "@/lib/agents/get-agent-or-throw";
import type { DbOrTx } from "@/lib/db/client";
import { cardView, type CardView } from "./serialize-rail";

/** An agent's cards, attached ones first then by attachment time (newest first); another organisation's agent is not found. */
export async function listAgentCards(db: DbOrTx, orgId: string, agentId: string): Promise<CardView[]> {
  await getAgentOrThrow(db, orgId, agentId);
  const rows = await db.card.findMany({ where: { orgId, agentId }, orderBy: [{ attachedAt: "desc" }, { id: "desc" }] });
  return rows.map(cardView).sort((a, b) => Number(a.detachedAt !== null) - Number(b.detachedAt !== null));
}
