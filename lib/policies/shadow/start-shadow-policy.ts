import { actorLabel, type Actor } from "@/lib/auth/principal";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { assertCan } from "@/lib/permissions/can";
import { toPolicyDocument } from "@/lib/policies/engine";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getOrgPolicy } from "@/lib/policies/get-org-policy";
import { parseOrgPolicy } from "@/lib/policies/parse-org-policy";
import { announceShadowChange } from "./announce-shadow-change";

/**
 * Starts evaluating a draft beside the live policy on every new decision (without effect);
 * a draft already in shadow is stopped first, so at most one runs per organisation.
 */
export async function startShadowPolicy(db: Db, actor: Actor, orgId: string, document: unknown) {
  assertCan(actor, "policy.shadow", { orgId });
  const { policy, currency } = await parseOrgPolicy(db, orgId, document);
  const doc = toPolicyDocument(policy, currency);
  const id = newId("shp");
  await db.$transaction(async (tx) => {
    const running = await tx.shadowPolicy.findMany({ where: { orgId, stoppedAt: null }, select: { id: true } });
    const now = new Date();
    for (const r of running) {
      await tx.shadowPolicy.updateMany({ where: { id: r.id, stoppedAt: null }, data: { stoppedAt: now } });
      await recordAuditEvent(tx, { orgId, actor, action: "policy.shadow_stopped", targetId: orgId, data: { shadow_id: r.id } });
    }
    const { version } = await getOrgPolicy(tx, orgId);
    await tx.shadowPolicy.create({
      data: { id, orgId, document: doc as Prisma.InputJsonValue, basedOnVersion: version, createdBy: actorLabel(actor), createdAt: now },
    });
    await recordAuditEvent(tx, {
      orgId,
      actor,
      action: "policy.shadow_started",
      targetId: orgId,
      data: { shadow_id: id, based_on_version: version, document: doc },
    });
    await announceShadowChange(tx, orgId);
  });
  return id;
}
