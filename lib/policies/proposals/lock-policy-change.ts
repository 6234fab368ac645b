import type { Tx } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import type { PolicyChangeProposal } from "@/lib/generated/prisma/client";
import { getOrgPolicy } from "@/lib/policies/get-org-policy";

/** The organisation's proposal, locked for its decision (another organisation's, or a malformed id, is not found). */
export async function lockPolicyChange(tx: Tx, orgId: string, id: string): Promise<PolicyChangeProposal> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM policy_change_proposals WHERE id = ${id} AND org_id = ${orgId} FOR UPDATE`;
  if (!locked.length) throw notFound("Policy change");
  return tx.policyChangeProposal.findUniqueOrThrow({ where: { id } });
}

/** The live version number (0 while the default policy applies). */
export const liveVersion = async (tx: Tx, orgId: string) => (await getOrgPolicy(tx, orgId)).version;
