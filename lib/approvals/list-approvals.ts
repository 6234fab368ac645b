import type { Principal } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { answerableApprovalsWhere } from "@/lib/permissions/answerable-approvals-where";
import { assertPerson, can } from "@/lib/permissions/can";
import type { Prisma } from "@/lib/generated/prisma/client";
import { afterCursorAscending, page } from "@/lib/api/keyset-cursor";
import { loadAnswerRights } from "@/lib/approver-groups/load-answer-rights";
import type { ListApprovalsQuery } from "./approval-schemas";
import { approvalInclude, serializeApprovals } from "./serialize-approval";

export type ApprovalSort = ListApprovalsQuery["sort"];

/**
 * Pending approvals the caller may answer: not their own submissions, not above their
 * role's threshold, not routed to a group they do not answer for, not ones they already
 * answered. Oldest first with a keyset cursor,
 * or largest amount first (one page: `cursor` applies to the oldest-first order only).
 */
export async function listApprovals(db: Db, principal: Principal, q: Partial<ListApprovalsQuery> = {}) {
  assertPerson(principal, "approval.list");
  const { sort = "oldest", limit = 100, cursor } = q;
  if (!can(principal, "approval.answer")) return { object: "list" as const, data: [], has_more: false, next_cursor: null };
  if (cursor && sort !== "oldest")
    throw new AppError("validation_error", "cursor can only be used with sort=oldest", [{ field: "cursor", issue: "only with sort=oldest" }]);
  const now = new Date();
  const groupIds = principal.role === "admin" ? [] : [...(await loadAnswerRights(db, principal.orgId, principal.userId, now)).groupIds];
  const where: Prisma.ApprovalWhereInput = { ...answerableApprovalsWhere(principal, groupIds), status: "pending", expiresAt: { gt: now } };
  const rows = await db.approval.findMany({
    where: { AND: [where, afterCursorAscending(cursor)] },
    include: approvalInclude,
    orderBy: sort === "amount" ? [{ intent: { amount: "desc" } }, { createdAt: "asc" }] : [{ createdAt: "asc" }, { id: "asc" }],
    take: limit + 1,
  });
  const p = page(rows, limit);
  return {
    object: "list" as const,
    data: await serializeApprovals(db, p.data),
    has_more: p.has_more,
    next_cursor: sort === "oldest" ? p.next_cursor : null,
  };
}
