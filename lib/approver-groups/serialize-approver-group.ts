import type { Prisma } from "@/lib/generated/prisma/client";
import { ApproverGroupSchema, type ApproverGroupDto } from "./approver-group-schemas";

export const approverGroupInclude = {
  members: { include: { user: { select: { id: true, email: true, name: true, role: true } } }, orderBy: { userId: "asc" } },
} satisfies Prisma.ApproverGroupInclude;
export type ApproverGroupRow = Prisma.ApproverGroupGetPayload<{ include: typeof approverGroupInclude }>;

export function serializeApproverGroup(g: ApproverGroupRow): ApproverGroupDto {
  return ApproverGroupSchema.parse({
    id: g.id,
    object: "approver_group",
    name: g.name,
    priority: g.priority,
    members: g.members.map((m) => m.user).sort((a, b) => a.email.localeCompare(b.email)),
    agent_ids: g.agentIds,
    merchant_categories: g.merchantCategories,
    currency: g.currency,
    min_amount: g.minAmount === null ? null : Number(g.minAmount),
    max_amount: g.maxAmount === null ? null : Number(g.maxAmount),
    quorum: g.quorum,
    escalate_after_minutes: g.escalateAfterMinutes,
    escalate_to_group_id: g.escalateToGroupId,
    created_at: g.createdAt.toISOString(),
  });
}
