import type { UserPrincipal } from "@/lib/auth/principal";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The "approval.answer" rule of `can.ts` as a query, for lists: approvals of the person's
 * organisation that they did not submit (nor with a key they created), are not above their role's threshold and have not
 * answered yet, and (for non-admins) not routed to an approver group they do not answer for
 * (`groupIds`: their groups by membership or active delegation, see loadAnswerRights).
 * Change both together (the in-process approvals test checks they agree).
 * Open/expired state is the caller's filter, not a permission. `answeredOpenIds`, when the caller
 * read them (loadAnsweredOpenApprovalIds, for open approvals only), stand in for the probe of
 * each approval's answers.
 */
export function answerableApprovalsWhere(
  principal: UserPrincipal,
  groupIds: readonly string[] = [],
  answeredOpenIds: readonly string[] | null = null,
): Prisma.ApprovalWhereInput {
  const routedToThem: Prisma.ApprovalWhereInput[] = [
    { groupId: null },
    { groupId: { in: [...groupIds] } },
    { escalatedAt: { not: null }, group: { escalateToGroupId: { in: [...groupIds] } } },
  ];
  return {
    orgId: principal.orgId,
    ...(principal.role === "admin" ? {} : { requiredRole: "approver", OR: routedToThem }),
    ...(answeredOpenIds ? { id: { notIn: [...answeredOpenIds] } } : { responses: { none: { userId: principal.userId } } }),
    // The approval's copy of who submitted its intent and who created the key it came with.
    AND: [
      { OR: [{ submittedByUserId: null }, { submittedByUserId: { not: principal.userId } }] },
      { OR: [{ keyCreatedByUserId: null }, { keyCreatedByUserId: { not: principal.userId } }] },
    ],
  };
}
