import type { Actor } from "@/lib/auth/principal";
import type { DbOrTx } from "@/lib/db/client";
import { assertCan } from "@/lib/permissions/can";
import { serializeAuditSigningKey, type AuditSigningKeyView } from "./serialize-audit-checkpoint";

/** Every public key the organisation ever signed checkpoints with, oldest first, retired ones included (GET /api/v1/audit/keys). */
export async function listAuditSigningKeys(db: DbOrTx, actor: Actor, orgId: string): Promise<AuditSigningKeyView[]> {
  assertCan(actor, "audit.read", { orgId });
  const keys = await db.auditSigningKey.findMany({ where: { orgId }, orderBy: { createdAt: "asc" } });
  return keys.map(serializeAuditSigningKey);
}
