import type { Actor } from "@/lib/auth/principal";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import { assertCan } from "@/lib/permissions/can";
import { announceShadowChange } from "./announce-shadow-change";

/** Stops the draft running in shadow; its recorded disagreements stay for review. */
export async function stopShadowPolicy(db: Db, actor: Actor, orgId: string): Promise<string> {
  assertCan(actor, "policy.shadow", { orgId });
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ id: string }[]>`
      UPDATE shadow_policies SET stopped_at = now() WHERE org_id = ${orgId} AND stopped_at IS NULL RETURNING id`;
    if (!row) throw notFound("Shadow policy");
    await recordAuditEvent(tx, { orgId, actor, action: "policy.shadow_stopped", targetId: orgId, data: { shadow_id: row.id } });
    await announceShadowChange(tx, orgId);
    return row.id;
  });
}
