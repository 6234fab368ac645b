import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/principal";
import { assertCan } from "@/lib/permissions/can";
import { getAgentOrThrow } from "./get-agent-or-throw";
import { SetAgentAccountingSchema } from "./agent-schemas";

/**
 * The GL code and cost centre an agent's spend books to by default (the intents CSV; an intent's
 * metadata `gl_code` / `cost_center` overrides them). Admins only; audited.
 */
export async function setAgentAccounting(db: Db, actor: Actor, input: unknown) {
  const data = SetAgentAccountingSchema.parse(input);
  assertCan(actor, "agent.set_accounting", { orgId: data.orgId });
  const agent = await getAgentOrThrow(db, data.orgId, data.agentId);
  await db.$transaction(async (tx) => {
    await tx.agent.updateMany({ where: { id: agent.id, orgId: data.orgId }, data: { glCode: data.gl_code, costCenter: data.cost_center } });
    await recordAuditEvent(tx, {
      orgId: data.orgId,
      actor,
      action: "agent.accounting_set",
      targetId: agent.id,
      data: { gl_code: data.gl_code, cost_center: data.cost_center },
    });
  });
  return { gl_code: data.gl_code, cost_center: data.cost_center };
}
