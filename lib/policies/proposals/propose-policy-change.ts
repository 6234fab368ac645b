import { actorLabel, type Actor } from "@/lib/auth/principal";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { Prisma } from "@/lib/generated/prisma/client";
import { validationError } from "@/lib/errors/app-error";
import type { PolicyChangeApproval } from "@/lib/generated/prisma/enums";
import { assertCan } from "@/lib/permissions/can";
import { toPolicyDocument } from "@/lib/policies/engine";
import { getOrgPolicy } from "@/lib/policies/get-org-policy";
import type { PolicyChangeProposalView, ProposePolicyChange } from "@/lib/policies/policy-change-schemas";
import { staleVersion } from "@/lib/policies/stale-version";
import { describePolicyChanges } from "@/lib/policies/describe-policy-changes";
import { getOrgCurrency } from "@/lib/organizations/get-org-currency";
import { applyPolicyChange } from "./apply-policy-change";
import { countActiveAdmins } from "./count-active-admins";
import { resolveProposedDocument } from "./resolve-proposed-document";
import { serializePolicyChanges } from "./serialize-policy-changes";

/**
 * Four eyes on policy: every change (an edit, a restore, a shadow promotion, one agent's own
 * rules) is a proposal with a reason. With two or more active admins it waits for a second
 * admin (approvePolicyChange); with fewer it goes live at once, and says so
 * (approval "single_admin"). The CLI operator ("system") is exempt and applies it at once,
 * audited as approval "operator". A proposal names the live version it was made on; a
 * stale one is refused (409), as a save was.
 */
export async function proposePolicyChange(db: Db, actor: Actor, orgId: string, input: ProposePolicyChange): Promise<PolicyChangeProposalView> {
  assertCan(actor, "policy.update", { orgId });
  const current = await getOrgPolicy(db, orgId);
  if (current.version !== input.base_version) throw staleVersion(input.base_version, current.version);
  const { unchanged, ...resolved } = await resolveProposedDocument(db, orgId, current, input);
  // A second admin's time is not spent on nothing; the operator may still write a version as it is.
  if (unchanged && actor !== "system")
    throw validationError("This change would leave the policy as it is", [{ field: "document", issue: "same as the live version" }]);
  const [admins, currency] = await Promise.all([countActiveAdmins(db, orgId), getOrgCurrency(db, orgId)]);
  const approval: PolicyChangeApproval | null = actor === "system" ? "operator" : admins < 2 ? "single_admin" : null;
  const id = newId("pch");
  const by = actorLabel(actor);
  try {
    const row = await db.$transaction(async (tx) => {
      await tx.policyChangeProposal.create({
        data: {
          id,
          orgId,
          kind: input.kind,
          document: resolved.document as Prisma.InputJsonValue,
          baseVersion: input.base_version,
          restoredVersion: resolved.restoredVersion,
          agentId: resolved.agentId,
          shadowId: resolved.shadowId,
          reason: input.reason,
          proposedById: actor === "system" ? null : actor.kind === "user" ? actor.userId : null,
          proposedBy: by,
        },
      });
      await recordAuditEvent(tx, {
        orgId,
        actor,
        action: "policy.change_proposed",
        targetId: id,
        data: {
          kind: input.kind,
          base_version: input.base_version,
          reason: input.reason,
          changes: describePolicyChanges(toPolicyDocument(current.policy), resolved.document, currency),
        },
      });
      if (approval) {
        const version = await applyPolicyChange(tx, {
          orgId,
          actor,
          proposalId: id,
          kind: input.kind,
          ...resolved,
          baseVersion: input.base_version,
          reason: input.reason,
          approval,
        });
        if (version === null) throw staleVersion(input.base_version, input.base_version + 1);
        await tx.policyChangeProposal.update({
          where: { id },
          data: { status: "approved", approval, decidedById: null, decidedBy: by, decidedAt: new Date(), appliedVersion: version },
        });
      }
      return tx.policyChangeProposal.findUniqueOrThrow({ where: { id } });
    });
    return (await serializePolicyChanges(db, orgId, [row]))[0];
  } catch (e) {
    // Two changes on one base race for the next version's unique row: the loser is stale.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw staleVersion(input.base_version, input.base_version + 1);
    throw e;
  }
}
