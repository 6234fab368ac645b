import { describeAgent } from "@/lib/agents/describe-agent";
import type { AgentDto } from "@/lib/agents/agent-schemas";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import type { RiskLevel } from "@/lib/policies/engine";
import { SetRiskOverrideSchema } from "@/lib/agents/agent-schemas";
import { assertCan } from "@/lib/permissions/can";
import type { Actor } from "@/lib/auth/principal";
import { getAgentOrThrow } from "@/lib/agents/get-agent-or-throw";

/** Pins an agent's risk level (null returns it to the computed level); the computed factors stay visible. */
export async function setRiskOverride(
  db: Db,
  actor: Actor,
  input: { orgId: string; agentId: string; level: RiskLevel | null; reason?: string },
): Promise<AgentDto> {
  const data = SetRiskOverrideSchema.parse(input);
  assertCan(actor, "agent.set_risk_override", { orgId: data.orgId });
  const agent = await getAgentOrThrow(db, data.orgId, data.agentId);
  await db.$transaction(async (tx) => {
    // Locked so two admins changing it at once record a truthful "previous".
    const [previous] = await tx.$queryRaw<{ risk_override: RiskLevel | null }[]>`
      SELECT risk_override FROM agents WHERE id = ${agent.id}::uuid FOR UPDATE`;
    if (previous.risk_override === data.level) return;
    await tx.agent.updateMany({ where: { id: agent.id, orgId: data.orgId }, data: { riskOverride: data.level } });
    await recordAuditEvent(tx, {
      orgId: data.orgId,
      actor,
      action: "agent.risk_override_set",
      targetId: agent.id,
      data: { previous: previous.risk_override, level: data.level, reason: data.reason || null },
    });
  });
  const fresh = await db.agent.findUniqueOrThrow({ where: { id: agent.id }, include: { wallets: { orderBy: { createdAt: "asc" } } } });
  return describeAgent(db, fresh);
}
