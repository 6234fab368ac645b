import type { Db } from "@/lib/db/client";
import { parsePolicyDocument } from "@/lib/policies/engine";
import type { VersionedPolicy } from "./get-org-policy";
import { proposePolicyChange } from "./proposals/propose-policy-change";

/**
 * The operator's save (CLI, demo seeding, test set-up): a new version on top of `baseVersion`,
 * live at once. It is the four-eyes path's operator exemption, so only "system" may call it
 * and the version's audit event says "operator"; people propose (proposePolicyChange).
 */
export async function setOrgPolicy(
  db: Db,
  actor: "system",
  orgId: string,
  document: unknown,
  baseVersion: number,
  reason = "Set by the operator",
): Promise<VersionedPolicy> {
  const p = await proposePolicyChange(db, actor, orgId, { kind: "edit", base_version: baseVersion, document: document as Record<string, unknown>, reason });
  return { policy: parsePolicyDocument(p.document), version: p.applied_version!, updatedAt: new Date(p.decided_at!), updatedBy: p.decided_by };
}
