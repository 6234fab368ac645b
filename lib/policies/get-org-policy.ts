import type { DbOrTx } from "@/lib/db/client";
import { DEFAULT_POLICY, parsePolicyDocument } from "@/lib/policies/engine";
import type { Policy } from "@/lib/policies/engine/types";

export type VersionedPolicy = { policy: Policy; version: number; updatedAt: Date | null; updatedBy: string | null };

/** The organisation's current policy (its newest version), or the default policy (version 0). */
export async function getOrgPolicy(db: DbOrTx, orgId: string): Promise<VersionedPolicy> {
  const row = await db.policy.findFirst({ where: { orgId }, orderBy: { version: "desc" } });
  if (!row) return { policy: DEFAULT_POLICY, version: 0, updatedAt: null, updatedBy: null };
  return { policy: parsePolicyDocument(row.document), version: row.version, updatedAt: row.createdAt, updatedBy: row.createdBy };
}
