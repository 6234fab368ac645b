import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { validationError } from "@/lib/errors/app-error";
import type { Actor } from "@/lib/auth/principal";
import { assertCan } from "@/lib/permissions/can";
import { CreateDelegationSchema, type DelegationDto } from "./delegation-schemas";
import { delegationInclude, serializeDelegation } from "./serialize-delegation";

async function findPerson(db: Db, orgId: string, ref: string, field: string) {
  const user = await db.user.findFirst({ where: { orgId, OR: [{ id: ref }, { email: ref.toLowerCase() }] }, select: { id: true, email: true, role: true } });
  if (!user) throw validationError(`${field} is not a user of this organisation`, [{ field, issue: "unknown user" }]);
  return user;
}

/**
 * Out of office: between starts_at and ends_at, `to_user` answers the approvals routed to
 * `from_user`'s groups. A person sets their own; an admin may set one for anyone. Both must
 * be able to answer approvals, and the delegate still never answers their own submissions.
 * The CLI ("system") names both people.
 */
export async function createDelegation(db: Db, actor: Actor, orgId: string, raw: unknown): Promise<DelegationDto> {
  assertCan(actor, "delegation.create");
  const me = actor !== "system" && actor.kind === "user" ? actor : null;
  const input = CreateDelegationSchema.parse(raw);
  if (!input.from_user && !me) throw validationError("from_user is required", [{ field: "from_user", issue: "required" }]);
  const from = input.from_user || !me ? await findPerson(db, orgId, input.from_user ?? "", "from_user") : { id: me.userId, role: me.role };
  assertCan(actor, "delegation.create", { orgId, fromUserId: from.id });
  const to = await findPerson(db, orgId, input.to_user, "to_user");
  if (to.id === from.id) throw validationError("A person cannot delegate to themselves", [{ field: "to_user", issue: "same as from_user" }]);
  if (to.role === "viewer")
    throw validationError("The delegate must be an approver or an admin", [{ field: "to_user", issue: "viewers cannot answer approvals" }]);
  if (from.role === "viewer") throw validationError("Viewers have nothing to delegate", [{ field: "from_user", issue: "viewers cannot answer approvals" }]);
  const id = newId("dlg");
  const row = await db.$transaction(async (tx) => {
    const created = await tx.delegation.create({
      data: {
        id,
        orgId,
        fromUserId: from.id,
        toUserId: to.id,
        startsAt: input.starts_at,
        endsAt: input.ends_at,
        createdBy: actor === "system" ? "system" : actor.label,
      },
      include: delegationInclude,
    });
    await recordAuditEvent(tx, {
      orgId,
      actor,
      action: "delegation.created",
      targetId: id,
      data: { from_user_id: from.id, to_user_id: to.id, starts_at: input.starts_at.toISOString(), ends_at: input.ends_at.toISOString() },
    });
    return created;
  });
  return serializeDelegation(row);
}
