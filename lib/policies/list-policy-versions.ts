import type { DbOrTx } from "@/lib/db/client";
import { DEFAULT_POLICY, parsePolicyDocument, toPolicyDocument, type PolicyDocument } from "@/lib/policies/engine";
import { getOrgCurrency } from "@/lib/organizations/get-org-currency";
import { diffPolicyDocuments, type PolicyChange } from "./diff-policy-documents";

export type PolicyVersionView = {
  version: number;
  base_version: number | null;
  created_by: string;
  created_at: string;
  reason: string | null;
  /** null when the previous version is beyond the listed ones. */
  changes: PolicyChange[] | null;
  document?: PolicyDocument;
};

/**
 * The organisation's policy versions, newest first, each with its author, time and the
 * changes from the version before it (version 1 is compared with the default policy). Every
 * document states the organisation's currency, the one its amounts are in.
 */
export async function listPolicyVersions(db: DbOrTx, orgId: string, opts: { withDocuments?: boolean; limit?: number } = {}): Promise<PolicyVersionView[]> {
  const limit = opts.limit ?? 100;
  // One extra, older row: the newest listed version's predecessor, for its diff.
  const [rows, currency] = await Promise.all([
    db.policy.findMany({ where: { orgId }, orderBy: { version: "desc" }, take: limit + 1 }),
    getOrgCurrency(db, orgId),
  ]);
  const docs = rows.map((r) => toPolicyDocument(parsePolicyDocument(r.document), currency));
  return rows.slice(0, limit).map((r, n) => ({
    version: r.version,
    base_version: r.baseVersion,
    created_by: r.createdBy,
    created_at: r.createdAt.toISOString(),
    reason: r.reason,
    changes:
      r.version === 1
        ? diffPolicyDocuments(toPolicyDocument(DEFAULT_POLICY, currency), docs[n])
        : docs[n + 1]
          ? diffPolicyDocuments(docs[n + 1], docs[n])
          : null,
    ...(opts.withDocuments ? { document: docs[n] } : {}),
  }));
}
