import { actorLabel, type Actor } from "@/lib/auth/principal";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Tx } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { notifyCacheChanged } from "@/lib/events/cache-events";
import type { PolicyChangeApproval, PolicyChangeKind } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toPolicyDocument, type PolicyDocument } from "@/lib/policies/engine";
import { getOrgPolicy } from "@/lib/policies/get-org-policy";
import { lockOrgPolicyChanges } from "./lock-policy-change";

type Change = {
  orgId: string;
  actor: Actor;
  proposalId: string;
  kind: PolicyChangeKind;
  document: PolicyDocument;
  baseVersion: number;
  reason: string;
  approval: PolicyChangeApproval;
  shadowId: string | null;
};

/**
 * Makes a change live inside the caller's transaction: the next version (null when the live
 * version is no longer the change's base: the caller supersedes it), its audit event naming
 * how it was approved, every other pending proposal on an older base superseded (they would
 * undo this one), and a promoted shadow draft stopped. Changes of one organisation apply one at
 * a time (lockOrgPolicyChanges); the unique (org, version) row still backs that up.
 */
export async function applyPolicyChange(tx: Tx, c: Change): Promise<number | null> {
  await lockOrgPolicyChanges(tx, c.orgId);
  const previous = await getOrgPolicy(tx, c.orgId);
  if (previous.version !== c.baseVersion) return null;
  const version = previous.version + 1;
  await tx.policy.create({
    data: {
      id: newId("pol"),
      orgId: c.orgId,
      version,
      document: c.document as Prisma.InputJsonValue,
      createdBy: actorLabel(c.actor),
      baseVersion: c.baseVersion,
      reason: c.reason,
      proposalId: c.proposalId,
    },
  });
  await recordAuditEvent(tx, {
    orgId: c.orgId,
    actor: c.actor,
    action: "policy.updated",
    targetId: c.orgId,
    data: {
      version,
      base_version: c.baseVersion,
      previous: toPolicyDocument(previous.policy),
      document: c.document,
      reason: c.reason,
      proposal_id: c.proposalId,
      approval: c.approval,
    },
  });
  const stale = await tx.policyChangeProposal.findMany({
    where: { orgId: c.orgId, status: "pending", id: { not: c.proposalId }, baseVersion: { lt: version } },
    select: { id: true, baseVersion: true },
  });
  for (const s of stale) {
    await tx.policyChangeProposal.updateMany({ where: { id: s.id, status: "pending" }, data: { status: "superseded", decidedAt: new Date() } });
    await recordAuditEvent(tx, {
      orgId: c.orgId,
      actor: c.actor,
      action: "policy.change_superseded",
      targetId: s.id,
      data: { base_version: s.baseVersion, current_version: version },
    });
  }
  if (c.kind === "promote_shadow" && c.shadowId) {
    const stopped = await tx.shadowPolicy.updateMany({ where: { id: c.shadowId, orgId: c.orgId, stoppedAt: null }, data: { stoppedAt: new Date() } });
    if (stopped.count)
      await recordAuditEvent(tx, { orgId: c.orgId, actor: c.actor, action: "policy.shadow_stopped", targetId: c.orgId, data: { shadow_id: c.shadowId } });
  }
  await notifyCacheChanged(tx, `org:${c.orgId}`); // every instance's decision settings (getDecisionSettings)
  return version;
}
