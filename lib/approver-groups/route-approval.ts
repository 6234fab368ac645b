import { sql } from "kysely";
import type { SqlTx } from "@/lib/db/sql";

export type ApprovalRoute = { id: string; name: string; quorum: number } | null;

/**
 * The approver group a new approval goes to: the first (priority order) whose agent, merchant
 * category, currency and amount filters match its intent; its quorum raises the distinct
 * approvals needed. null: no group matches, anyone with the required role answers. Read in the
 * deciding transaction, before the approval row is written with the route already in it.
 */
export async function routeApproval(
  tx: SqlTx,
  i: { orgId: string; agentId: string; merchantCategory: string | null; currency: string; amount: number },
): Promise<ApprovalRoute> {
  const group = await tx
    .selectFrom("approver_groups as g")
    .select(["g.id", "g.name", "g.quorum"])
    .where("g.org_id", "=", i.orgId)
    .where(sql<boolean>`(cardinality(g.agent_ids) = 0 OR ${i.agentId}::text = ANY (g.agent_ids))`)
    .where(sql<boolean>`(cardinality(g.merchant_categories) = 0 OR ${i.merchantCategory}::text = ANY (g.merchant_categories))`)
    .where((eb) => eb.or([eb("g.currency", "is", null), eb("g.currency", "=", i.currency)]))
    .where((eb) => eb.or([eb("g.min_amount", "is", null), eb("g.min_amount", "<=", i.amount)]))
    .where((eb) => eb.or([eb("g.max_amount", "is", null), eb("g.max_amount", ">=", i.amount)]))
    .orderBy("g.priority")
    .orderBy("g.created_at")
    .orderBy("g.id")
    .limit(1)
    .executeTakeFirst();
  return group ?? null;
}
