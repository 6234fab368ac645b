import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { isPublicId } from "@/lib/db/ids";
import type { Db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { Actor } from "@/lib/auth/principal";
import { assertCan } from "@/lib/permissions/can";
import { UpdateApproverGroupSchema, type ApproverGroupDto } from "./approver-group-schemas";
import { checkGroupStaffing } from "./check-group-staffing";
import { resolveGroupReferences } from "./resolve-group-references";
import { approverGroupInclude, serializeApproverGroup } from "./serialize-approver-group";

/** strictUndefinedChecks: a field the caller did not send is left out, not set to undefined. */
const definedOnly = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
const big = (v: number | null | undefined) => (v === undefined ? undefined : v === null ? null : BigInt(v));

/**
 * Changes a group. Approvals already routed to it keep their routing and quorum; who may
 * answer them follows the new membership at once.
 */
export async function updateApproverGroup(db: Db, actor: Actor, orgId: string, id: string, raw: unknown): Promise<ApproverGroupDto> {
  assertCan(actor, "approver_group.manage", { orgId });
  const input = UpdateApproverGroupSchema.parse(raw);
  if (!isPublicId("grp", id)) throw notFound("Approver group");
  const existing = await db.approverGroup.findFirst({ where: { orgId, id } });
  if (!existing) throw notFound("Approver group");
  const merged = {
    currency: input.currency !== undefined ? input.currency : existing.currency,
    min: input.min_amount !== undefined ? input.min_amount : existing.minAmount,
    max: input.max_amount !== undefined ? input.max_amount : existing.maxAmount,
  };
  if ((merged.min !== null || merged.max !== null) && !merged.currency) {
    throw new AppError("validation_error", "currency is required with min_amount or max_amount", [{ field: "currency", issue: "required with amount bounds" }]);
  }
  if (merged.min !== null && merged.max !== null && BigInt(merged.min) > BigInt(merged.max)) {
    throw new AppError("validation_error", "max_amount must be at least min_amount", [{ field: "max_amount", issue: "below min_amount" }]);
  }
  const { memberIds } = await resolveGroupReferences(db, orgId, input, id);
  const members = memberIds?.length ?? (await db.approverGroupMember.count({ where: { groupId: id, user: { deactivatedAt: null, role: { not: "viewer" } } } }));
  checkGroupStaffing(members, input.quorum ?? existing.quorum);
  const row = await db.$transaction(async (tx) => {
    if (input.name && input.name !== existing.name) {
      const taken = await tx.approverGroup.findFirst({ where: { orgId, name: input.name }, select: { id: true } });
      if (taken) throw new AppError("conflict", `An approver group named "${input.name}" already exists`);
    }
    if (memberIds) {
      await tx.approverGroupMember.deleteMany({ where: { groupId: id } });
      await tx.approverGroupMember.createMany({ data: memberIds.map((userId) => ({ groupId: id, userId })) });
    }
    const updated = await tx.approverGroup.update({
      where: { id },
      data: definedOnly({
        name: input.name,
        priority: input.priority,
        agentIds: input.agent_ids,
        merchantCategories: input.merchant_categories,
        currency: input.currency,
        minAmount: big(input.min_amount),
        maxAmount: big(input.max_amount),
        quorum: input.quorum,
        escalateAfterMinutes: input.escalate_after_minutes,
        escalateToGroupId: input.escalate_to_group_id,
      }),
      include: approverGroupInclude,
    });
    await recordAuditEvent(tx, {
      orgId,
      actor,
      action: "approver_group.updated",
      targetId: id,
      data: { changes: { ...input, ...(memberIds ? { members: memberIds } : {}) } },
    });
    return updated;
  });
  return serializeApproverGroup(row);
}
