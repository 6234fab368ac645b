import type { Actor } from "@/lib/auth/principal";
import type { DbOrTx } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import { getOrganizationOrThrow } from "./get-organization-or-throw";
import { serializeFreeze } from "./spending-freeze-schemas";

/** The organisation's freeze and every agent frozen on its own; anyone of the organisation may read it. */
export async function getSpendingFreeze(db: DbOrTx, actor: Actor, orgId: string) {
  if (actor !== "system" && actor.orgId !== orgId) throw notFound("Organisation");
  const org = await getOrganizationOrThrow(db, orgId);
  const agents = await db.agent.findMany({
    where: { orgId, frozenAt: { not: null }, ...(actor !== "system" && actor.kind === "agent" ? { id: actor.agentId } : {}) },
    orderBy: { frozenAt: "asc" },
  });
  return { ...serializeFreeze(org.id, null, org), frozen_agents: agents.map((a) => serializeFreeze(org.id, a.id, a)) };
}
