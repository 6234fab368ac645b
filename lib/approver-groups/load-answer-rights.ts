import type { DbOrTx } from "@/lib/db/client";
import type { AnswerRights } from "./answer-rights";

/**
 * The groups a person answers for at `now`: their own memberships, plus the groups of
 * everyone who delegated to them for a period that includes now (out of office).
 */
export async function loadAnswerRights(db: DbOrTx, orgId: string, userId: string, now = new Date()): Promise<AnswerRights> {
  const rows = await db.$queryRaw<{ group_id: string }[]>`
    SELECT m.group_id FROM approver_group_members m WHERE m.user_id = ${userId}
    UNION
    SELECT m.group_id FROM delegations d JOIN approver_group_members m ON m.user_id = d.from_user_id
    WHERE d.org_id = ${orgId} AND d.to_user_id = ${userId} AND d.starts_at <= ${now} AND d.ends_at > ${now}`;
  return { groupIds: new Set(rows.map((r) => r.group_id)) };
}
