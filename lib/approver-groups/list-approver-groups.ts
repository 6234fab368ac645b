import type { Principal } from "@/lib/auth/principal";
import type { DbOrTx } from "@/lib/db/client";
import { assertCan } from "@/lib/permissions/can";
import { approverGroupInclude, serializeApproverGroup } from "./serialize-approver-group";

/** Groups of the caller's organisation in routing order (the first match wins). Agent keys are refused: groups name people. */
export async function listApproverGroups(db: DbOrTx, principal: Principal) {
  assertCan(principal, "approver_group.read", { orgId: principal.orgId });
  const rows = await db.approverGroup.findMany({
    where: { orgId: principal.orgId },
    include: approverGroupInclude,
    orderBy: [{ priority: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    take: 500,
  });
  return { object: "list" as const, data: rows.map(serializeApproverGroup), has_more: false, next_cursor: null };
}
