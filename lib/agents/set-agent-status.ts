import { describeAgent } from "@/lib/agents/describe-agent";
import type { AgentDto } from "@/lib/agents/agent-schemas";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { SetAgentStatusSchema } from "@/lib/agents/agent-schemas";
import { enqueueEvent } from "@/lib/webhooks/enqueue-event";
import { assertCan } from "@/lib/permissions/can";
import type { Actor } from "@/lib/auth/principal";
import { getAgentOrThrow } from "@/lib/agents/get-agent-or-throw";
import { rejectPendingApprovals } from "@/lib/approvals/reject-pending-approvals";

/**
 * Suspends or resumes an agent. A suspended agent's new intents are denied by the
 * agent_status rule, and its pending approvals take no answer until it is resumed (they
 * expire as usual); with `rejectPending` they are all rejected now, releasing their holds.
 * Setting the status it already has changes nothing and records nothing.
 */
export async function setAgentStatus(
  db: Db,
  actor: Actor,
  input: { orgId: string; agentId: string; status: "active" | "suspended"; rejectPending?: boolean },
): Promise<AgentDto> {
  const data = SetAgentStatusSchema.parse(input);
  assertCan(actor, "agent.set_status", { orgId: data.orgId });
  const agent = await getAgentOrThrow(db, data.orgId, data.agentId);
  await db.$transaction(async (tx) => {
    const changed = await tx.agent.updateMany({
      where: { id: agent.id, orgId: data.orgId, status: { not: data.status } },
      data: { status: data.status },
    });
    if (changed.count === 0) return;
    await recordAuditEvent(tx, {
      orgId: data.orgId,
      actor,
      action: data.status === "suspended" ? "agent.suspended" : "agent.resumed",
      targetId: agent.id,
      data: { status: data.status },
    });
    if (data.status === "suspended") {
      const by = actor === "system" ? "system" : actor.label;
      await enqueueEvent(tx, {
        orgId: data.orgId,
        type: "agent.suspended",
        data: { agent: { id: agent.id, name: agent.name, status: "suspended" }, suspended_by: by },
      });
    }
  });
  if (data.status === "suspended" && data.rejectPending) await rejectPendingApprovals(db, actor, data.orgId, agent.id);
  const fresh = await db.agent.findUniqueOrThrow({ where: { id: agent.id }, include: { wallets: { orderBy: { createdAt: "asc" } } } });
  return describeAgent(db, fresh);
}
