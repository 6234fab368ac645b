import type { AuditEvent } from "@/lib/generated/prisma/client";

/**
 * One audit event as a JSON line, with its chain fields, so an export can be re-verified
 * offline (hashAuditEvent over the same fields gives the same hash).
 */
export function auditJsonLine(e: AuditEvent): string {
  return `${JSON.stringify({
    id: e.id,
    org_id: e.orgId,
    created_at: e.createdAt.toISOString(),
    action: e.action,
    actor_type: e.actorType,
    actor_id: e.actorId,
    actor_label: e.actorLabel,
    target_type: e.targetType,
    target_id: e.targetId,
    data: e.data,
    seq: e.seq === null ? null : e.seq.toString(),
    prev_hash: e.prevHash,
    hash: e.hash,
  })}\n`;
}
