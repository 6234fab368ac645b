import { actorLabel, type Actor } from "@/lib/auth/principal";
import { assertCan } from "@/lib/permissions/can";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { AppError } from "@/lib/errors/app-error";
import { parsePolicyDocument, toPolicyDocument } from "@/lib/policies/engine";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getOrgPolicy, type VersionedPolicy } from "./get-org-policy";
import { zodDetails } from "@/lib/api/zod-details";
import { ZodError } from "zod";

/**
 * Stores a new policy version (validated by the policy document schema) with an audit
 * event holding the previous and new documents. Versions are unique per organisation, so
 * two admins saving at once cannot both become version N+1: the loser retries on top.
 */
export async function setOrgPolicy(db: Db, actor: Actor, orgId: string, document: unknown): Promise<VersionedPolicy> {
  assertCan(actor, "policy.update", { orgId });
  let policy;
  try {
    policy = parsePolicyDocument(document);
  } catch (e) {
    if (e instanceof ZodError) throw new AppError("validation_error", "The policy document is invalid", zodDetails(e));
    throw new AppError("validation_error", (e as Error).message);
  }
  const agentIds = Object.keys(policy.agentOverrides);
  if (agentIds.length) {
    const found = await db.agent.count({ where: { orgId, id: { in: agentIds } } });
    if (found !== agentIds.length) throw new AppError("validation_error", "agent_overrides names an agent that is not in this organisation");
  }
  const doc = toPolicyDocument(policy) as Prisma.InputJsonValue;
  const by = actorLabel(actor);
  return db.$transaction(async (tx) => {
    const previous = await getOrgPolicy(tx, orgId);
    const version = previous.version + 1;
    await tx.policy.create({ data: { id: newId("pol"), orgId, version, document: doc, createdBy: by } });
    await recordAuditEvent(tx, {
      orgId,
      actor,
      action: "policy.updated",
      targetId: orgId,
      data: { version, previous: toPolicyDocument(previous.policy), document: toPolicyDocument(policy) },
    });
    return { policy, version, updatedAt: new Date(), updatedBy: by };
  });
}
