import type { Principal } from "@/lib/auth/principal";
import { isPublicId } from "@/lib/db/ids";
import type { DbOrTx } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import { assertCan } from "@/lib/permissions/can";
import { approverGroupInclude, serializeApproverGroup } from "./serialize-approver-group";

export async function getApproverGroup(db: DbOrTx, principal: Principal, id: string) {
  assertCan(principal, "approver_group.read", { orgId: principal.orgId });
  if (!isPublicId("grp", id)) throw notFound("Approver group");
  const row = await db.approverGroup.findFirst({ where: { orgId: principal.orgId, id }, include: approverGroupInclude });
  if (!row) throw notFound("Approver group");
  return serializeApproverGroup(row);
}
