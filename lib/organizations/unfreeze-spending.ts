import { getAgentOrThrow } from "@/lib/agents/get-agent-or-throw";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { actorLabel, type Actor } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import { assertCan } from "@/lib/permissions/can";
import { enqueueEvent } from "@/lib/webhooks/enqueue-event";
import type { FreezeTarget } from "./freeze-spending";
import { FREEZE_COLUMNS } from "./active-freeze";
import { getOrganizationOrThrow } from "./get-organization-or-throw";
import { serializeFreeze, type SpendingFreezeDto } from "./spending-freeze-schemas";

/**
 * Lifts a freeze of the organisation or of one agent. The row is locked while read, so the
 * audit row names the freeze that was actually lifted; lifting none records nothing.
 */
export async function unfreezeSpending(db: Db, actor: Actor, target: FreezeTarget): Promise<SpendingFreezeDto> {
  assertCan(actor, "spending.freeze", { orgId: target.orgId });
  const org = await getOrganizationOrThrow(db, target.orgId);
  const agent = target.agentId ? await getAgentOrThrow(db, org.id, target.agentId) : null;
  const at = new Date();
  const cleared = { frozenAt: null, frozenBy: null, frozenReason: null };
  return db.$transaction(async (tx) => {
    if (agent) await tx.$queryRaw`SELECT id FROM agents WHERE id = ${agent.id}::uuid FOR UPDATE`;
    else await tx.$queryRaw`SELECT id FROM organizations WHERE id = ${org.id} FOR UPDATE`;
    const was = agent
      ? await tx.agent.findUniqueOrThrow({ where: { id: agent.id }, select: FREEZE_COLUMNS })
      : await tx.organization.findUniqueOrThrow({ where: { id: org.id }, select: FREEZE_COLUMNS });
    if (was.frozenAt) {
      if (agent) await tx.agent.update({ where: { id: agent.id }, data: cleared });
      else await tx.organization.update({ where: { id: org.id }, data: cleared });
      const data = { frozen_at: was.frozenAt.toISOString(), frozen_by: was.frozenBy, reason: was.frozenReason };
      const event = { organization_id: org.id, agent: agent && { id: agent.id, name: agent.name }, unfrozen_by: actorLabel(actor), ...data };
      if (agent) {
        await recordAuditEvent(tx, { orgId: org.id, actor, action: "agent.unfrozen", targetId: agent.id, at, data });
        await enqueueEvent(tx, { orgId: org.id, type: "agent.unfrozen", data: event, at });
      } else {
        await recordAuditEvent(tx, { orgId: org.id, actor, action: "organization.unfrozen", targetId: org.id, at, data });
        await enqueueEvent(tx, { orgId: org.id, type: "organization.unfrozen", data: event, at });
      }
    }
    return serializeFreeze(org.id, agent?.id ?? null, cleared);
  });
}
