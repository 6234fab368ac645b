import type { Actor } from "@/lib/auth/principal";
import { assertCan } from "@/lib/permissions/can";
import type { DbOrTx } from "@/lib/db/client";
import { delegationInclude, serializeDelegation } from "./serialize-delegation";

/** Current and upcoming delegations: all of the organisation's for admins, viewers and the CLI; one's own for approvers. */
export async function listDelegations(db: DbOrTx, actor: Actor, orgId: string, now = new Date()) {
  assertCan(actor, "delegation.read", { orgId });
  const mine =
    actor !== "system" && actor.kind === "user" && actor.role === "approver" ? { OR: [{ fromUserId: actor.userId }, { toUserId: actor.userId }] } : {};
  const rows = await db.delegation.findMany({
    where: { orgId, endsAt: { gt: now }, ...mine },
    include: delegationInclude,
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: 500,
  });
  return { object: "list" as const, data: rows.map((r) => serializeDelegation(r, now)), has_more: false, next_cursor: null };
}
