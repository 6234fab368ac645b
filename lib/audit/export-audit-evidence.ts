import type { Actor } from "@/lib/auth/principal";
import { actorLabel } from "@/lib/auth/principal";
import type { Db, DbOrTx } from "@/lib/db/client";
import type { AuditCheckpoint } from "@/lib/generated/prisma/client";
import { getOrganizationOrThrow } from "@/lib/organizations/get-organization-or-throw";
import { assertCan } from "@/lib/permissions/can";
import { auditJsonLine } from "./audit-json-line";
import { chainAuditEvents } from "./chain-audit-events";
import { createAuditCheckpoint } from "./create-audit-checkpoint";
import { getChainHead } from "./get-chain-head";
import { GENESIS_HASH } from "./hash-audit-event";
import { serializeAuditCheckpoint, serializeAuditSigningKey } from "./serialize-audit-checkpoint";

export type EvidenceRange = { from?: Date; to?: Date };
const BATCH = 2000;
const line = (o: unknown) => `${JSON.stringify(o)}\n`;

/**
 * The self-contained evidence file (JSON lines): a header, every public key of the organisation,
 * the checkpoints, then the events in chain order. Its events run from a signed anchor (genesis,
 * a checkpoint, or a retention tombstone) to a signed checkpoint, so sdk/audit-verify can check
 * every link and signature offline and catch a cut-off tail. A date range is widened to those
 * anchors; with no end, the export first signs a checkpoint of the current head. Streamed in
 * batches, so millions of events never sit in memory.
 */
export async function* exportAuditEvidence(db: Db, actor: Actor, orgId: string, range: EvidenceRange = {}): AsyncGenerator<string> {
  assertCan(actor, "audit.read", { orgId });
  const org = await getOrganizationOrThrow(db, orgId);
  const { first, last, anchor } = await evidenceBounds(db, orgId, range);
  const checkpoints = await db.auditCheckpoint.findMany({
    where: { orgId, OR: [{ seq: { gte: anchor.seq, lte: last } }, { kind: "tombstone", seq: { lte: last } }] },
    orderBy: [{ seq: "asc" }, { createdAt: "asc" }],
  });
  const keys = await db.auditSigningKey.findMany({ where: { orgId }, orderBy: { createdAt: "asc" } });
  yield line({
    type: "header",
    format: "aegis-audit-export",
    version: 1,
    org: { id: org.id, name: org.name, time_zone: org.timeZone, currency: org.currency },
    exported_at: new Date().toISOString(),
    exported_by: actorLabel(actor),
    requested: { from: range.from?.toISOString() ?? null, to: range.to?.toISOString() ?? null },
    anchor: { seq: anchor.seq.toString(), hash: anchor.hash, checkpoint_id: anchor.checkpointId },
    events: { first_seq: first.toString(), last_seq: last.toString(), count: Number(last - first + 1n) },
    hashing: { algorithm: "SHA-256", canonicalization: "RFC 8785", genesis: GENESIS_HASH },
  });
  for (const k of keys) yield line({ type: "key", ...serializeAuditSigningKey(k) });
  for (const c of checkpoints) yield line({ type: "checkpoint", ...serializeAuditCheckpoint(c) });
  for (let after = first - 1n; after < last;) {
    const rows = await db.auditEvent.findMany({ where: { orgId, seq: { gt: after, lte: last } }, orderBy: { seq: "asc" }, take: BATCH });
    if (rows.length === 0) break;
    for (const r of rows) yield `{"type":"event",${auditJsonLine(r).slice(1)}`;
    after = rows.at(-1)!.seq!;
  }
}

type Anchor = { seq: bigint; hash: string; checkpointId: string | null };

/** Where a tombstone's purge ended: the chain continues from the purged event's hash. */
const tombstoneAnchor = (t: AuditCheckpoint): Anchor => ({
  seq: t.purgedThroughSeq!,
  hash: String((t.details as { purged_through_hash?: string }).purged_through_hash),
  checkpointId: t.id,
});

async function evidenceBounds(db: Db, orgId: string, range: EvidenceRange): Promise<{ first: bigint; last: bigint; anchor: Anchor }> {
  const tombstone = await db.auditCheckpoint.findFirst({ where: { orgId, kind: "tombstone" }, orderBy: { seq: "desc" } });
  const floor: Anchor = tombstone ? tombstoneAnchor(tombstone) : { seq: 0n, hash: GENESIS_HASH, checkpointId: null };
  const last = await closingSeq(db, orgId, range.to);
  let anchor = floor;
  if (range.from) {
    const firstInRange = await db.auditEvent.findFirst({
      where: { orgId, seq: { not: null }, createdAt: { gte: range.from } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { seq: true },
    });
    const lo = firstInRange?.seq ?? last + 1n;
    const before = await db.auditCheckpoint.findFirst({ where: { orgId, seq: { gt: floor.seq, lt: lo } }, orderBy: { seq: "desc" } });
    if (before) anchor = { seq: before.seq, hash: before.hash, checkpointId: before.id };
  }
  return { first: anchor.seq + 1n, last: last < anchor.seq ? anchor.seq : last, anchor };
}

/** The signed end of the export: the first checkpoint at or after the range's last event, or a new one of the head. */
async function closingSeq(db: Db, orgId: string, to: Date | undefined): Promise<bigint> {
  if (to) {
    const lastInRange = await db.auditEvent.findFirst({
      where: { orgId, seq: { not: null }, createdAt: { lt: to } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { seq: true },
    });
    if (!lastInRange) return 0n;
    const after = await db.auditCheckpoint.findFirst({ where: { orgId, seq: { gte: lastInRange.seq! } }, orderBy: { seq: "asc" } });
    if (after) return after.seq;
  }
  return ensureHeadCheckpoint(db, orgId);
}

/**
 * Seals the organisation's events written so far into the chain (the background chainer may not
 * have reached them yet: an export right after a change would otherwise end before it, or sign
 * nothing for a new organisation), then signs the head unless a checkpoint already covers it;
 * returns the head's seq.
 */
async function ensureHeadCheckpoint(db: DbOrTx & Db, orgId: string): Promise<bigint> {
  await chainAuditEvents(db, orgId);
  return db.$transaction(async (tx) => {
    const head = await getChainHead(tx, orgId);
    const latest = await tx.auditCheckpoint.findFirst({ where: { orgId }, orderBy: { seq: "desc" }, select: { seq: true } });
    if (head.seq > 0n && (!latest || latest.seq < head.seq)) await createAuditCheckpoint(tx, orgId, "export", { head });
    return head.seq;
  });
}
