import type { Principal } from "@/lib/auth/principal";
import type { DbOrTx } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";

/** Who may run an admin verb: the CLI / start-up ("system") or a signed-in admin. */
export type AdminActor = Principal | "system";

/**
 * Only admins change the organisation's set-up. An admin of another organisation gets a
 * 404, not a 403, so organisation ids cannot be probed.
 */
export function assertAdmin(actor: AdminActor, orgId?: string): void {
  if (actor === "system") return;
  if (actor.kind !== "user" || actor.role !== "admin") throw new AppError("forbidden", "Only an admin can do this");
  if (orgId !== undefined && actor.orgId !== orgId) throw notFound("Organisation");
}

/** The label ledger rows and policy versions carry for this actor. */
export const actorLabel = (actor: AdminActor) => (actor === "system" ? "system" : actor.label);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function getOrganizationOrThrow(db: DbOrTx, orgId: string) {
  const org = await db.organization.findUnique({ where: { id: orgId } });
  if (!org) throw notFound("Organisation");
  return org;
}

/** The agent, scoped to the organisation; a malformed id is simply not found. */
export async function getAgentOrThrow(db: DbOrTx, orgId: string, agentId: string) {
  if (!UUID.test(agentId)) throw notFound("Agent");
  const agent = await db.agent.findFirst({ where: { id: agentId, orgId } });
  if (!agent) throw notFound("Agent");
  return agent;
}

export const isUuid = (id: string) => UUID.test(id);
