import { actorLabel, type Actor } from "@/lib/auth/principal";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { AppError, forbidden, notFound } from "@/lib/errors/app-error";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertCan } from "@/lib/permissions/can";
import { parsePolicyDocument, toPolicyDocument } from "@/lib/policies/engine";
import type { PolicyChangeProposalView } from "@/lib/policies/policy-change-schemas";
import { applyPolicyChange } from "./apply-policy-change";
import { liveVersion, lockPolicyChange } from "./lock-policy-change";
import { serializePolicyChanges } from "./serialize-policy-changes";

const superseded = (base: number, current: number) =>
  new AppError(
    "conflict",
    `The live policy changed since this was proposed (it was proposed on version ${base}, the live version is ${current}): it is superseded. Propose it again on the current version.`,
    [{ field: "base_version", issue: `current version is ${current}` }],
  );

/**
 * A second admin makes a proposed change live. The proposer can never approve their own
 * change (403), whichever way they ask (API, dashboard, MCP): the rule is here. A proposal
 * whose base is no longer the live version is marked superseded and refused (409): approving
 * it would silently undo whatever went live since.
 */
export async function approvePolicyChange(db: Db, actor: Actor, orgId: string, id: string): Promise<PolicyChangeProposalView> {
  assertCan(actor, "policy.review", { orgId });
  const by = actorLabel(actor);
  let outcome: { stale: number | null; version: number | null };
  try {
    outcome = await db.$transaction(async (tx) => {
      const p = await lockPolicyChange(tx, orgId, id);
      if (actor !== "system" && actor.kind === "user" && p.proposedById === actor.userId)
        throw forbidden("You proposed this change, so another admin must approve it (four eyes)");
      if (p.status === "superseded") throw superseded(p.baseVersion, await liveVersion(tx, orgId));
      if (p.status !== "pending") throw new AppError("conflict", `This change was already ${p.status}`);
      const version = await applyPolicyChange(tx, {
        orgId,
        actor,
        proposalId: id,
        kind: p.kind,
        document: toPolicyDocument(parsePolicyDocument(p.document)),
        baseVersion: p.baseVersion,
        reason: p.reason,
        approval: actor === "system" ? "operator" : "second_admin",
        shadowId: p.shadowId,
      });
      if (version === null) {
        const live = await liveVersion(tx, orgId);
        await tx.policyChangeProposal.update({ where: { id }, data: { status: "superseded", decidedAt: new Date() } });
        await recordAuditEvent(tx, {
          orgId,
          actor,
          action: "policy.change_superseded",
          targetId: id,
          data: { base_version: p.baseVersion, current_version: live },
        });
        return { stale: live, version: null };
      }
      await tx.policyChangeProposal.update({
        where: { id },
        data: {
          status: "approved",
          approval: actor === "system" ? "operator" : "second_admin",
          decidedById: actor === "system" ? null : actor.kind === "user" ? actor.userId : null,
          decidedBy: by,
          decidedAt: new Date(),
          appliedVersion: version,
        },
      });
      await recordAuditEvent(tx, { orgId, actor, action: "policy.change_approved", targetId: id, data: { kind: p.kind, version, proposed_by: p.proposedBy } });
      return { stale: null, version };
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")
      throw new AppError("conflict", "Another change went live at the same moment: reload and propose again on the current version.");
    throw e;
  }
  // The superseded mark is committed above; the refusal follows it.
  if (outcome.stale !== null) {
    const row = await db.policyChangeProposal.findFirstOrThrow({ where: { id, orgId } });
    throw superseded(row.baseVersion, outcome.stale);
  }
  const row = await db.policyChangeProposal.findFirst({ where: { id, orgId } });
  if (!row) throw notFound("Policy change");
  return (await serializePolicyChanges(db, orgId, [row]))[0];
}
