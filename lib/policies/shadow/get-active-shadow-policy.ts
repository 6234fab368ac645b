import type { DbOrTx } from "@/lib/db/client";
import { parsePolicyDocument } from "@/lib/policies/engine";
import type { Policy } from "@/lib/policies/engine/types";

export type ActiveShadow = { id: string; policy: Policy; basedOnVersion: number; createdBy: string; createdAt: Date };

/** The draft running in shadow for the organisation, if any (at most one runs at a time). */
export async function getActiveShadowPolicy(db: DbOrTx, orgId: string): Promise<ActiveShadow | null> {
  const row = await db.shadowPolicy.findFirst({ where: { orgId, stoppedAt: null }, orderBy: { createdAt: "desc" } });
  return row
    ? { id: row.id, policy: parsePolicyDocument(row.document), basedOnVersion: row.basedOnVersion, createdBy: row.createdBy, createdAt: row.createdAt }
    : null;
}
