import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/principal";
import { assertCan } from "@/lib/permissions/can";
import { isPublicId } from "@/lib/db/ids";
import type { Db } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import { delegationInclude, serializeDelegation } from "./serialize-delegation";

/**
 * Ends a delegation now (back from leave early, or cancelled before it starts). The row
 * stays, with its end moved to now, so the audit trail still shows who could answer when.
 */
export async function endDelegation(db: Db, actor: Actor, id: string, now = new Date()) {
  assertCan(actor, "delegation.end");
  if (!isPublicId("dlg", id)) throw notFound("Delegation");
  const row = await db.delegation.findFirst({ where: { id, ...(actor === "system" ? {} : { orgId: actor.orgId }) } });
  if (!row) throw notFound("Delegation");
  assertCan(actor, "delegation.end", { orgId: row.orgId, fromUserId: row.fromUserId, toUserId: row.toUserId });
  const updated = await db.$transaction(async (tx) => {
    const ended = await tx.delegation.update({
      where: { id },
      data: { endsAt: row.endsAt > now ? now : row.endsAt, startsAt: row.startsAt > now ? now : row.startsAt },
      include: delegationInclude,
    });
    await recordAuditEvent(tx, { orgId: row.orgId, actor, action: "delegation.ended", targetId: id, data: { ended_at: now.toISOString() } });
    return ended;
  });
  return serializeDelegation(updated, now);
}
