import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { isPublicId } from "@/lib/db/ids";
import type { Db } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import type { Actor } from "@/lib/auth/principal";
import { assertCan } from "@/lib/permissions/can";

/**
 * Removes a group. Its pending approvals fall back to role-based answering (the foreign
 * key sets their group to null), so nothing waits on a group that no longer exists.
 */
export async function deleteApproverGroup(db: Db, actor: Actor, orgId: string, id: string): Promise<{ id: string; object: "approver_group"; deleted: true }> {
  assertCan(actor, "approver_group.manage", { orgId });
  if (!isPublicId("grp", id)) throw notFound("Approver group");
  await db.$transaction(async (tx) => {
    const [gone] = await tx.$queryRaw<{ name: string }[]>`DELETE FROM approver_groups WHERE id = ${id} AND org_id = ${orgId} RETURNING name`;
    if (!gone) throw notFound("Approver group");
    await recordAuditEvent(tx, { orgId, actor, action: "approver_group.deleted", targetId: id, data: { name: gone.name } });
  });
  return { id, object: "approver_group", deleted: true };
}
