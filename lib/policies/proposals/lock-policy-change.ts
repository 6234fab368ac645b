import type { Tx } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import type { PolicyChangeProposal } from "@/lib/generated/prisma/client";
import { getOrgPolicy } from "@/lib/policies/get-org-policy";

/** Advisory lock class of an organisation's policy changes (beside the audit chain's 0x0a0d17/18). */
export const POLICY_CHANGE_LOCK_CLASS = 0x0a0d19;

/**
 * One policy change of an organisation at a time, taken before any proposal row. Without it two
 * approvals of rival proposals on one version deadlock: each holds its own proposal's row lock,
 * one waits on the other's new (org, version) row, and that one waits to mark the first's
 * proposal superseded (PostgreSQL then aborts one with a 500). Re-entrant within a transaction.
 */
export async function lockOrgPolicyChanges(tx: Tx, orgId: string): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(${POLICY_CHANGE_LOCK_CLASS}::int, hashtext(${orgId}))::text`;
}

/** The organisation's proposal, locked for its decision (another organisation's, or a malformed id, is not found). */
export async function lockPolicyChange(tx: Tx, orgId: string, id: string): Promise<PolicyChangeProposal> {
  await lockOrgPolicyChanges(tx, orgId);
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM policy_change_proposals WHERE id = ${id} AND org_id = ${orgId} FOR UPDATE`;
  if (!locked.length) throw notFound("Policy change");
  return tx.policyChangeProposal.findUniqueOrThrow({ where: { id } });
}

/** The live version number (0 while the default policy applies). */
export const liveVersion = async (tx: Tx, orgId: string) => (await getOrgPolicy(tx, orgId)).version;
