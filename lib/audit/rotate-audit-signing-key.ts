import type { Actor } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import { assertCan } from "@/lib/permissions/can";
import { recordAuditEvent } from "./record-audit-event";
import { createAuditCheckpoint } from "./create-audit-checkpoint";
import { generateSigningKey, getSigningKey } from "./get-signing-key";
import { serializeAuditCheckpoint, serializeAuditSigningKey } from "./serialize-audit-checkpoint";

/**
 * Replaces the organisation's checkpoint-signing key. The outgoing key signs a last checkpoint
 * (kind `rotation`) that names its successor, so a verifier who trusts the old key can trust the
 * new one; then the old key is retired (its private half erased, its public half kept with its
 * validity for verifying what it signed) and the new one signs from now on.
 */
export async function rotateAuditSigningKey(db: Db, actor: Actor, orgId: string) {
  assertCan(actor, "audit.rotate_key", { orgId });
  return db.$transaction(async (tx) => {
    const old = await getSigningKey(tx, orgId);
    const next = generateSigningKey();
    const at = new Date();
    const checkpoint = await createAuditCheckpoint(tx, orgId, "rotation", {
      key: old,
      at,
      details: { next_key_id: next.id, next_public_key: next.publicKey },
    });
    await tx.auditSigningKey.update({ where: { id: old.id }, data: { retiredAt: at, privateKey: null } });
    const created = await tx.auditSigningKey.create({
      data: { id: next.id, orgId, publicKey: next.publicKey, privateKey: next.sealedPrivateKey, createdAt: at },
    });
    await recordAuditEvent(tx, { orgId, actor, action: "audit.signing_key_rotated", targetId: orgId, data: { previous_key_id: old.id, key_id: next.id }, at });
    return { key: serializeAuditSigningKey(created), checkpoint: serializeAuditCheckpoint(checkpoint) };
  });
}
