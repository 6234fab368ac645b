import type { Actor } from "@/lib/auth/principal";
import type { DbOrTx } from "@/lib/db/client";
import type { PolicyChangeStatus } from "@/lib/generated/prisma/enums";
import { assertCan } from "@/lib/permissions/can";
import type { PolicyChangeProposalView } from "@/lib/policies/policy-change-schemas";
import { serializePolicyChanges } from "./serialize-policy-changes";

/** The organisation's policy changes, newest first (the last 50; pending ones are few), optionally of one status. Admins only. */
export async function listPolicyChanges(
  db: DbOrTx,
  actor: Actor,
  orgId: string,
  opts: { status?: PolicyChangeStatus } = {},
): Promise<PolicyChangeProposalView[]> {
  assertCan(actor, "policy.review", { orgId });
  const rows = await db.policyChangeProposal.findMany({
    where: { orgId, ...(opts.status ? { status: opts.status } : {}) },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
  return serializePolicyChanges(db, orgId, rows);
}
