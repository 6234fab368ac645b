import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { notifyCacheChanged } from "@/lib/events/cache-events";
import type { Db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import { RevokeApiKeySchema } from "@/lib/api-keys/api-key-schemas";
import { assertCan } from "@/lib/permissions/can";
import type { Actor } from "@/lib/auth/principal";

/** Revokes a key at once (the next request with it is a 401). The guarded update makes a second revoke a 409. */
export async function revokeApiKey(db: Db, actor: Actor, input: { orgId: string; keyId: string }) {
  const data = RevokeApiKeySchema.parse(input);
  assertCan(actor, "api_key.revoke", { orgId: data.orgId });
  const revokedAt = new Date();
  return db.$transaction(async (tx) => {
    const done = await tx.apiKey.updateMany({ where: { id: data.keyId, orgId: data.orgId, revokedAt: null }, data: { revokedAt } });
    if (done.count !== 1) {
      const key = await tx.apiKey.findFirst({ where: { id: data.keyId, orgId: data.orgId }, select: { id: true } });
      if (!key) throw notFound("API key");
      throw new AppError("conflict", "This API key is already revoked");
    }
    const key = await tx.apiKey.findUniqueOrThrow({ where: { id: data.keyId } });
    await recordAuditEvent(tx, {
      orgId: data.orgId,
      actor,
      action: "api_key.revoked",
      targetId: key.id,
      data: { kind: key.kind, name: key.name, prefix: key.prefix },
    });
    await notifyCacheChanged(tx, `apikey:${key.hash}`); // every instance's key cache drops it at commit
    return { id: key.id, kind: key.kind, name: key.name, prefix: key.prefix, revoked_at: revokedAt.toISOString() };
  });
}
