import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { AppError } from "@/lib/errors/app-error";
import type { Actor } from "@/lib/auth/principal";
import { assertCan } from "@/lib/permissions/can";
import { CreateApproverGroupSchema, type ApproverGroupDto } from "./approver-group-schemas";
import { checkGroupStaffing } from "./check-group-staffing";
import { resolveGroupReferences } from "./resolve-group-references";
import { approverGroupInclude, serializeApproverGroup } from "./serialize-approver-group";

/** A new approver group; approvals opened from now on are routed to it when they match. */
export async function createApproverGroup(db: Db, actor: Actor, orgId: string, raw: unknown): Promise<ApproverGroupDto> {
  assertCan(actor, "approver_group.manage", { orgId });
  const input = CreateApproverGroupSchema.parse(raw);
  const { memberIds = [] } = await resolveGroupReferences(db, orgId, input);
  checkGroupStaffing(memberIds.length, input.quorum);
  const id = newId("grp");
  const row = await db.$transaction(async (tx) => {
    const taken = await tx.approverGroup.findFirst({ where: { orgId, name: input.name }, select: { id: true } });
    if (taken) throw new AppError("conflict", `An approver group named "${input.name}" already exists`);
    const created = await tx.approverGroup.create({
      data: {
        id,
        orgId,
        name: input.name,
        priority: input.priority,
        agentIds: input.agent_ids,
        merchantCategories: input.merchant_categories,
        currency: input.currency,
        minAmount: input.min_amount === null ? null : BigInt(input.min_amount),
        maxAmount: input.max_amount === null ? null : BigInt(input.max_amount),
        quorum: input.quorum,
        escalateAfterMinutes: input.escalate_after_minutes,
        escalateToGroupId: input.escalate_to_group_id,
        members: { create: memberIds.map((userId) => ({ userId })) },
      },
      include: approverGroupInclude,
    });
    await recordAuditEvent(tx, {
      orgId,
      actor,
      action: "approver_group.created",
      targetId: id,
      data: { name: input.name, settings: { ...input, members: memberIds } },
    });
    return created;
  });
  return serializeApproverGroup(row);
}
