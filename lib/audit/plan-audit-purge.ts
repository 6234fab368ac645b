import type { DbOrTx } from "@/lib/db/client";
import type { AuditCheckpoint } from "@/lib/generated/prisma/client";
import { getChainHead, type ChainHead } from "./get-chain-head";

export type AuditPurgePlan = {
  /** The newest tombstone: where earlier purges ended. */
  lastTombstone: AuditCheckpoint | null;
  /** The first event a purge now would remove … */
  from: bigint;
  /** … and the last (below `from` when there is nothing to purge). */
  through: bigint;
  head: ChainHead;
  /** When events start being kept: now minus the organisation's retention, by the database's clock. */
  cutoff: Date;
};

/**
 * What a retention purge would remove now: the prefix of the chain after the last tombstone whose
 * events are older than the retention, never the newest event (the chainer continues from it).
 * purgeAuditEvents acts on it inside its transaction; the dashboard shows it before asking.
 */
export async function planAuditPurge(db: DbOrTx, orgId: string): Promise<AuditPurgePlan> {
  const [{ cutoff }] = await db.$queryRaw<{ cutoff: Date }[]>`
    SELECT now() - make_interval(days => audit_retention_days) AS cutoff FROM organizations WHERE id = ${orgId}`;
  const lastTombstone = await db.auditCheckpoint.findFirst({ where: { orgId, kind: "tombstone" }, orderBy: { seq: "desc" } });
  const from = (lastTombstone?.purgedThroughSeq ?? 0n) + 1n;
  const head = await getChainHead(db, orgId);
  const [firstKept] = await db.$queryRaw<{ seq: bigint }[]>`
    SELECT seq FROM audit_events WHERE org_id = ${orgId} AND seq >= ${from} AND created_at >= ${cutoff} ORDER BY seq LIMIT 1`;
  // Keep at least the newest event: the chainer continues from it.
  const through = [firstKept ? firstKept.seq - 1n : head.seq, head.seq - 1n].reduce((a, b) => (a < b ? a : b));
  return { lastTombstone, from, through, head, cutoff };
}
