import { actorLabel, type Actor } from "@/lib/auth/principal";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { assertCan } from "@/lib/permissions/can";
import type { PolicyChangeProposalView } from "@/lib/policies/policy-change-schemas";
import { lockPolicyChange } from "./lock-policy-change";
import { serializePolicyChanges } from "./serialize-policy-changes";

/**
 * Turns a pending change down, with a reason. Another admin rejects it; the proposer
 * rejecting their own change withdraws it (status "withdrawn"). Nothing goes live.
 */
export async function rejectPolicyChange(db: Db, actor: Actor, orgId: string, id: string, reason: string): Promise<PolicyChangeProposalView> {
  assertCan(actor, "policy.review", { orgId });
  const row = await db.$transaction(async (tx) => {
    const p = await lockPolicyChange(tx, orgId, id);
    if (p.status !== "pending") throw new AppError("conflict", `This change was already ${p.status}`);
    const withdrawn = actor !== "system" && actor.kind === "user" && p.proposedById === actor.userId;
    await recordAuditEvent(tx, { orgId, actor, action: "policy.change_rejected", targetId: id, data: { kind: p.kind, reason, withdrawn } });
    return tx.policyChangeProposal.update({
      where: { id },
      data: {
        status: withdrawn ? "withdrawn" : "rejected",
        decidedById: actor !== "system" && actor.kind === "user" ? actor.userId : null,
        decidedBy: actorLabel(actor),
        decidedAt: new Date(),
        decisionReason: reason,
      },
    });
  });
  return (await serializePolicyChanges(db, orgId, [row]))[0];
}
