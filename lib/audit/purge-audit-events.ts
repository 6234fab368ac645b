import type { Actor } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import { getOrganizationOrThrow } from "@/lib/organizations/get-organization-or-throw";
import { assertCan } from "@/lib/permissions/can";
import { createAuditCheckpoint } from "./create-audit-checkpoint";
import { planAuditPurge } from "./plan-audit-purge";
import { recordAuditEvent } from "./record-audit-event";
import { serializeAuditCheckpoint } from "./serialize-audit-checkpoint";

const DELETE_BATCH = 10_000n;

export type PurgeResult = {
  purged: number;
  purged_through_seq: string | null;
  purged_before: string;
  tombstone: ReturnType<typeof serializeAuditCheckpoint> | null;
};

/**
 * The one way audit events leave the database: those older than the organisation's retention
 * (default 7 years), always a prefix of the chain, never its newest event. First a signed
 * tombstone checkpoint (kind `tombstone`) records where the purge ends, the hash of the last purged
 * event (the next one still links to it, so the rest of the chain verifies from there) and the
 * cut-off time; only then are the events deleted, in batches: the append-only trigger lets a
 * DELETE through only for events a tombstone covers and that are past retention by the database's
 * own clock. Re-running it finishes an interrupted purge.
 */
export async function purgeAuditEvents(db: Db, actor: Actor, orgId: string): Promise<PurgeResult> {
  assertCan(actor, "audit.purge", { orgId });
  await getOrganizationOrThrow(db, orgId);
  const result = await db.$transaction(async (tx) => {
    const { lastTombstone: last, from, through, head, cutoff } = await planAuditPurge(tx, orgId);
    if (through < from) return { tombstone: null, from, through: last?.purgedThroughSeq ?? null, cutoff };
    const boundary = await tx.auditEvent.findFirstOrThrow({ where: { orgId, seq: through }, select: { hash: true } });
    const tombstone = await createAuditCheckpoint(tx, orgId, "tombstone", {
      head,
      purgedThroughSeq: through,
      details: {
        purged_from_seq: from.toString(),
        purged_through_seq: through.toString(),
        purged_through_hash: boundary.hash,
        purged_before: cutoff.toISOString(),
      },
    });
    await recordAuditEvent(tx, {
      orgId,
      actor,
      action: "audit.events_purged",
      targetId: orgId,
      data: { tombstone_id: tombstone.id, purged_through_seq: through.toString(), purged_before: cutoff.toISOString(), events: Number(through - from + 1n) },
    });
    return { tombstone, from, through, cutoff };
  });
  // Delete everything the tombstones cover, from the first event still there (an earlier purge may have stopped midway).
  let purged = 0;
  const coveredThrough = result.through ?? 0n;
  const oldest = await db.auditEvent.findFirst({ where: { orgId, seq: { not: null } }, orderBy: { seq: "asc" }, select: { seq: true } });
  for (let lo = oldest?.seq ?? coveredThrough + 1n; lo <= coveredThrough; lo += DELETE_BATCH) {
    const hi = lo + DELETE_BATCH - 1n < coveredThrough ? lo + DELETE_BATCH - 1n : coveredThrough;
    purged += await db.$executeRaw`DELETE FROM audit_events WHERE org_id = ${orgId} AND seq BETWEEN ${lo} AND ${hi}`;
  }
  return {
    purged,
    purged_through_seq: result.through?.toString() ?? null,
    purged_before: result.cutoff.toISOString(),
    tombstone: result.tombstone ? serializeAuditCheckpoint(result.tombstone) : null,
  };
}
