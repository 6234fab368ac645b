import type { DbOrTx } from "@/lib/db/client";
import type { PolicyChangeProposal } from "@/lib/generated/prisma/client";
import { DEFAULT_POLICY, parsePolicyDocument, toPolicyDocument, type PolicyDocument } from "@/lib/policies/engine";
import { getOrgCurrency } from "@/lib/organizations/get-org-currency";
import { describePolicyChanges } from "@/lib/policies/describe-policy-changes";
import type { PolicyChangeProposalView } from "@/lib/policies/policy-change-schemas";

/**
 * Proposals as the API and the dashboard show them, each with its plain-words diff against
 * the version it was proposed on (money in the organisation's currency, agents by name).
 */
export async function serializePolicyChanges(db: DbOrTx, orgId: string, rows: PolicyChangeProposal[]): Promise<PolicyChangeProposalView[]> {
  if (rows.length === 0) return [];
  const versions = [...new Set(rows.map((r) => r.baseVersion).filter((v) => v > 0))];
  const [bases, currency] = await Promise.all([
    db.policy.findMany({ where: { orgId, version: { in: versions } }, select: { version: true, document: true } }),
    getOrgCurrency(db, orgId),
  ]);
  const baseDoc = new Map<number, PolicyDocument>(bases.map((b) => [b.version, toPolicyDocument(parsePolicyDocument(b.document))]));
  const docs = rows.map((r) => toPolicyDocument(parsePolicyDocument(r.document)));
  const before = (v: number) => baseDoc.get(v) ?? toPolicyDocument(DEFAULT_POLICY);
  const agentIds = [...new Set([...docs, ...rows.map((r) => before(r.baseVersion))].flatMap((d) => Object.keys(d.agent_overrides)))];
  const agents = agentIds.length ? await db.agent.findMany({ where: { orgId, id: { in: agentIds } }, select: { id: true, name: true } }) : [];
  const names = new Map(agents.map((a) => [a.id, a.name]));
  return rows.map((r, n) => ({
    object: "policy_change" as const,
    id: r.id,
    kind: r.kind,
    status: r.status,
    base_version: r.baseVersion,
    reason: r.reason,
    proposed_by: r.proposedBy,
    proposed_by_user_id: r.proposedById,
    created_at: r.createdAt.toISOString(),
    agent_id: r.agentId,
    restored_version: r.restoredVersion,
    shadow_id: r.shadowId,
    document: docs[n],
    changes: describePolicyChanges(before(r.baseVersion), docs[n], currency, names),
    approval: r.approval,
    decided_by: r.decidedBy,
    decided_at: r.decidedAt?.toISOString() ?? null,
    decision_reason: r.decisionReason,
    applied_version: r.appliedVersion,
  }));
}
