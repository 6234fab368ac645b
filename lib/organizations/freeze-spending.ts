import { getAgentOrThrow } from "@/lib/agents/get-agent-or-throw";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { actorLabel, type Actor } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import { assertCan } from "@/lib/permissions/can";
import { enqueueEvent } from "@/lib/webhooks/enqueue-event";
import { getOrganizationOrThrow } from "./get-organization-or-throw";
import { serializeFreeze, type SpendingFreezeDto } from "./spending-freeze-schemas";

export type FreezeTarget = { orgId: string; agentId?: string };

/**
 * Kill switch: stops all spending of the organisation, or of one agent, in one action.
 * While frozen, every new intent is denied by the `frozen` rule and no approval can be
 * given (rejecting stays possible). The freeze and its audit row and webhook event commit
 * together; freezing what is already frozen changes and records nothing.
 */
export async function freezeSpending(db: Db, actor: Actor, target: FreezeTarget, reason: string | null = null): Promise<SpendingFreezeDto> {
  assertCan(actor, "spending.freeze", { orgId: target.orgId });
  const org = await getOrganizationOrThrow(db, target.orgId);
  const agent = target.agentId ? await getAgentOrThrow(db, org.id, target.agentId) : null;
  const at = new Date();
  const by = actorLabel(actor);
  const data = { frozenAt: at, frozenBy: by, frozenReason: reason };
  return db.$transaction(async (tx) => {
    const where = { frozenAt: null, orgId: org.id };
    const changed = agent
      ? await tx.agent.updateMany({ where: { id: agent.id, ...where }, data })
      : await tx.organization.updateMany({ where: { id: org.id, frozenAt: null }, data });
    if (changed.count === 1) {
      const event = { organization_id: org.id, agent: agent && { id: agent.id, name: agent.name }, frozen_at: at.toISOString(), frozen_by: by, reason };
      if (agent) {
        await recordAuditEvent(tx, { orgId: org.id, actor, action: "agent.frozen", targetId: agent.id, at, data: { reason } });
        await enqueueEvent(tx, { orgId: org.id, type: "agent.frozen", data: event, at });
      } else {
        await recordAuditEvent(tx, { orgId: org.id, actor, action: "organization.frozen", targetId: org.id, at, data: { reason } });
        await enqueueEvent(tx, { orgId: org.id, type: "organization.frozen", data: event, at });
      }
    }
    const row = agent ? await tx.agent.findUniqueOrThrow({ where: { id: agent.id } }) : await tx.organization.findUniqueOrThrow({ where: { id: org.id } });
    return serializeFreeze(org.id, agent?.id ?? null, row);
  });
}
