import type { Principal } from "@/lib/auth/principal";
import type { DbOrTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import { approvalInclude, serializeApprovals } from "./serialize-approval";

export type ApprovalSort = "oldest" | "amount";

/**
 * Pending approvals the caller may answer, oldest first (or largest first): not their
 * own submissions, not above their role's threshold, not ones they already answered.
 */
export async function listApprovals(db: DbOrTx, principal: Principal, sort: ApprovalSort = "oldest") {
  if (principal.kind !== "user") throw new AppError("forbidden", "Agent keys cannot list approvals");
  if (principal.role === "viewer") return { object: "list" as const, data: [], has_more: false, next_cursor: null };
  const where: Prisma.ApprovalWhereInput = {
    orgId: principal.orgId,
    status: "pending",
    expiresAt: { gt: new Date() },
    ...(principal.role === "admin" ? {} : { requiredRole: "approver" }),
    responses: { none: { userId: principal.userId } },
    intent: { OR: [{ submittedByUserId: null }, { submittedByUserId: { not: principal.userId } }] },
  };
  const rows = await db.approval.findMany({
    where,
    include: approvalInclude,
    orderBy: sort === "amount" ? [{ intent: { amount: "desc" } }, { createdAt: "asc" }] : [{ createdAt: "asc" }, { id: "asc" }],
    take: 500,
  });
  return { object: "list" as const, data: await serializeApprovals(db, rows), has_more: rows.length === 500, next_cursor: null };
}
