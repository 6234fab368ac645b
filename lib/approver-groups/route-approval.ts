import type { Tx } from "@/lib/db/client";

export type ApprovalRoute = { group_id: string; group_name: string; approvals_required: number } | null;

/**
 * Routes a just-opened approval to the first approver group (priority order) whose agent,
 * merchant category, currency and amount filters match its intent, and raises the number of
 * distinct approvals needed to the group's quorum. One statement, in the caller's
 * transaction; no match leaves it to anyone with the required role.
 */
export async function routeApproval(tx: Tx, approvalId: string): Promise<ApprovalRoute> {
  const rows = await tx.$queryRaw<{ group_id: string; group_name: string; approvals_required: number }[]>`
    WITH chosen AS (
      SELECT g.id, g.name, g.quorum
      FROM approvals a
      JOIN intents i ON i.id = a.intent_id
      JOIN approver_groups g ON g.org_id = a.org_id
      WHERE a.id = ${approvalId}
        AND (cardinality(g.agent_ids) = 0 OR i.agent_id::text = ANY (g.agent_ids))
        AND (cardinality(g.merchant_categories) = 0 OR i.merchant_category = ANY (g.merchant_categories))
        AND (g.currency IS NULL OR g.currency = i.currency)
        AND (g.min_amount IS NULL OR i.amount >= g.min_amount)
        AND (g.max_amount IS NULL OR i.amount <= g.max_amount)
      ORDER BY g.priority, g.created_at, g.id
      LIMIT 1
    )
    UPDATE approvals SET group_id = chosen.id, approvals_required = GREATEST(approvals.approvals_required, chosen.quorum)
    FROM chosen WHERE approvals.id = ${approvalId}
    RETURNING chosen.id AS group_id, chosen.name AS group_name, approvals.approvals_required`;
  return rows[0] ?? null;
}
