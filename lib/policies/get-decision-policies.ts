import type { DbOrTx } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import { DEFAULT_POLICY, parsePolicyDocument } from "@/lib/policies/engine";
import type { Policy } from "@/lib/policies/engine/types";

export type DecisionPolicies = { policy: Policy; version: number; timeZone: string; shadow: { id: string; policy: Policy } | null };

/**
 * What a decision needs from the organisation, in one statement (Prisma's relation joins):
 * the live policy's newest version, the draft running in shadow if any, and the time zone.
 */
export async function getDecisionPolicies(db: DbOrTx, orgId: string): Promise<DecisionPolicies> {
  const org = await db.organization.findUnique({
    where: { id: orgId },
    select: {
      timeZone: true,
      policies: { orderBy: { version: "desc" }, take: 1, select: { version: true, document: true } },
      shadowPolicies: { where: { stoppedAt: null }, orderBy: { createdAt: "desc" }, take: 1, select: { id: true, document: true } },
    },
  });
  if (!org) throw notFound("Organization");
  const [live] = org.policies;
  const [shadow] = org.shadowPolicies;
  return {
    policy: live ? parsePolicyDocument(live.document) : DEFAULT_POLICY,
    version: live?.version ?? 0,
    timeZone: org.timeZone,
    shadow: shadow ? { id: shadow.id, policy: parsePolicyDocument(shadow.document) } : null,
  };
}
