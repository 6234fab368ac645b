import type { Actor } from "@/lib/auth/principal";
import type { DbOrTx } from "@/lib/db/client";
import { assertCan } from "@/lib/permissions/can";
import { serializeAuditCheckpoint } from "./serialize-audit-checkpoint";

/** The newest checkpoints first (GET /api/v1/audit/checkpoints, the audit chain page); `before_seq` pages back. */
export async function listAuditCheckpoints(db: DbOrTx, actor: Actor, orgId: string, opts: { limit?: number; beforeSeq?: bigint } = {}) {
  assertCan(actor, "audit.read", { orgId });
  const limit = opts.limit ?? 20;
  const rows = await db.auditCheckpoint.findMany({
    where: { orgId, ...(opts.beforeSeq !== undefined ? { seq: { lt: opts.beforeSeq } } : {}) },
    orderBy: [{ seq: "desc" }, { createdAt: "desc" }],
    take: limit + 1,
  });
  const data = rows.slice(0, limit).map(serializeAuditCheckpoint);
  return { object: "list" as const, data, has_more: rows.length > limit };
}
