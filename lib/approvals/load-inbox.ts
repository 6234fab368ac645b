import type { UserPrincipal } from "@/lib/auth/principal";
import type { DbOrTx } from "@/lib/db/client";
import { listApprovals, type ApprovalSort } from "@/lib/approvals/list-approvals";
import { approvalInclude, serializeApprovals } from "@/lib/approvals/serialize-approval";
import type { ApprovalDto } from "@/lib/approvals/approval-schemas";

/**
 * The inbox's first render. Approvers and admins get what they may answer (listApprovals,
 * as GET /api/v1/approvals); viewers get every open approval of the organisation to read.
 */
export async function loadInbox(db: DbOrTx, principal: UserPrincipal, sort: ApprovalSort): Promise<ApprovalDto[]> {
  if (principal.role !== "viewer") return (await listApprovals(db, principal, { sort })).data;
  const rows = await db.approval.findMany({
    where: { orgId: principal.orgId, status: "pending", expiresAt: { gt: new Date() } },
    include: approvalInclude,
    orderBy: sort === "amount" ? [{ intent: { amount: "desc" } }, { createdAt: "asc" }] : [{ createdAt: "asc" }, { id: "asc" }],
    take: 200,
  });
  return serializeApprovals(db, rows);
}
