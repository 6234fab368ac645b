import type { Actor } from "@/lib/auth/principal";
import type { DbOrTx } from "@/lib/db/client";
import { assertCan } from "@/lib/permissions/can";
import { checkChainSegment, GENESIS_HASH, type BrokenLink } from "./hash-audit-event";

export type ChainReport = {
  org_id: string;
  ok: boolean;
  /** Events checked (the sealed part of the chain, up to the first broken link). */
  checked: number;
  /** Events recorded but not sealed yet (the chainer seals them within seconds). */
  pending: number;
  /** The last good link: publish or store it elsewhere to detect a rewrite of the whole tail later. */
  head: { seq: string; hash: string } | null;
  first_broken: BrokenLink | null;
};

const BATCH = 2000;

/**
 * Walks the organisation's chain in sequence order and recomputes every hash: an edited
 * event, a deleted one (a gap) or a re-linked one is reported as the first broken link.
 */
export async function verifyAuditChain(db: DbOrTx, actor: Actor, orgId: string): Promise<ChainReport> {
  assertCan(actor, "audit.verify", { orgId });
  // After a retention purge the chain starts where the newest tombstone says it ended.
  const tombstone = await db.auditCheckpoint.findFirst({ where: { orgId, kind: "tombstone" }, orderBy: { seq: "desc" } });
  let tail = tombstone
    ? { seq: tombstone.purgedThroughSeq!, hash: String((tombstone.details as { purged_through_hash?: string }).purged_through_hash) }
    : { seq: 0n, hash: GENESIS_HASH };
  const purged = tail.seq;
  // Signed checkpoints pin hashes: a chain edited and recomputed after one no longer matches it.
  const pins = new Map(
    (await db.auditCheckpoint.findMany({ where: { orgId, seq: { gt: purged } }, select: { seq: true, hash: true, id: true } })).map((c) => [c.seq, c]),
  );
  let checked = 0;
  let broken: BrokenLink | null = null;
  for (;;) {
    const rows = await db.auditEvent.findMany({ where: { orgId, seq: { gt: tail.seq } }, orderBy: { seq: "asc" }, take: BATCH });
    if (rows.length === 0) break;
    const before = tail.seq;
    const result = checkChainSegment(rows, tail, pins);
    tail = result.tail;
    checked += Number(tail.seq - before);
    if (result.broken) {
      broken = result.broken;
      break;
    }
  }
  const pending = await db.auditEvent.count({ where: { orgId, seq: null } });
  return {
    org_id: orgId,
    ok: broken === null,
    checked,
    pending,
    head: tail.seq > purged ? { seq: tail.seq.toString(), hash: tail.hash } : null,
    first_broken: broken,
  };
}
