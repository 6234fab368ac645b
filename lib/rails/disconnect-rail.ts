import type { Actor } from "@/lib/auth/principal";
import { actorLabel } from "@/lib/auth/principal";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { looksLikeId } from "@/lib/db/ids";
import { notFound } from "@/lib/errors/app-error";
import { assertCan } from "@/lib/permissions/can";
import { lastEventAt } from "./list-rail-connections";
import { connectionView, type RailConnectionView } from "./serialize-rail";

/**
 * Disconnects a rail: its endpoint stops answering (every later request is refused, so the rail
 * falls back to its own default, a decline) and agent keys may settle again once no rail is active.
 * The row stays for the audit trail and the authorizations that name it. Idempotent.
 */
export async function disconnectRail(db: Db, input: { orgId: string; actor: Actor; connectionId: string }): Promise<RailConnectionView> {
  assertCan(input.actor, "rail.manage", { orgId: input.orgId });
  if (!looksLikeId(input.connectionId)) throw notFound("Rail connection");
  const row = await db.$transaction(async (tx) => {
    const found = await tx.railConnection.findFirst({ where: { id: input.connectionId, orgId: input.orgId } });
    if (!found) throw notFound("Rail connection");
    if (found.status === "disconnected") return found;
    // Guarded on still being active: of two disconnects at once, one disconnects and audits, the other returns it.
    const { count } = await tx.railConnection.updateMany({
      where: { id: found.id, status: "active" },
      data: { status: "disconnected", disconnectedAt: new Date(), disconnectedBy: actorLabel(input.actor) },
    });
    const updated = await tx.railConnection.findUniqueOrThrow({ where: { id: found.id } });
    if (count === 0) return updated;
    await recordAuditEvent(tx, { orgId: input.orgId, actor: input.actor, action: "rail.disconnected", targetId: found.id, data: { provider: found.provider } });
    return updated;
  });
  return connectionView(row, await lastEventAt(db, row.id));
}
