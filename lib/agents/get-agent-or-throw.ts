import type { DbOrTx } from "@/lib/db/client";
import { isUuid } from "@/lib/db/ids";
import { notFound } from "@/lib/errors/app-error";

/** The agent row, scoped to the organisation; a malformed id is simply not found. */
export async function getAgentOrThrow(db: DbOrTx, orgId: string, agentId: string) {
  if (!isUuid(agentId)) throw notFound("Agent");
  const agent = await db.agent.findFirst({ where: { id: agentId, orgId } });
  if (!agent) throw notFound("Agent");
  return agent;
}
