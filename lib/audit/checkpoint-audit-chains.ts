import type { Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { createAuditCheckpoint } from "./create-audit-checkpoint";

/** First key of the advisory lock that keeps two instances from checkpointing one organisation at once. */
export const CHECKPOINT_LOCK_CLASS = 0x0a0d18;

type Due = { id: string; seq: bigint; hash: string; last_seq: bigint | null };

/**
 * The periodic checkpoints: every organisation whose sealed head moved at least
 * AEGIS_AUDIT_CHECKPOINT_EVENTS events past its last checkpoint, or moved at all and the last
 * checkpoint (or the organisation, before its first) is AEGIS_AUDIT_CHECKPOINT_INTERVAL_MS old,
 * gets a signed checkpoint of that head. Per organisation it costs two index probes (its head, its
 * last checkpoint), never a scan of events, so it stays flat at millions of events. Returns how
 * many checkpoints it made.
 */
export async function checkpointAuditChains(db: Db, now = new Date()): Promise<number> {
  const { AEGIS_AUDIT_CHECKPOINT_EVENTS: every, AEGIS_AUDIT_CHECKPOINT_INTERVAL_MS: interval } = env();
  const since = new Date(now.getTime() - interval);
  const due = await db.$queryRaw<Due[]>`
    SELECT o.id, h.seq, h.hash, c.seq AS last_seq
    FROM organizations o
    CROSS JOIN LATERAL (SELECT e.seq, e.hash FROM audit_events e WHERE e.org_id = o.id AND e.seq IS NOT NULL ORDER BY e.seq DESC LIMIT 1) h
    LEFT JOIN LATERAL (SELECT c.seq, c.created_at FROM audit_checkpoints c WHERE c.org_id = o.id ORDER BY c.seq DESC, c.created_at DESC LIMIT 1) c ON true
    WHERE h.seq > COALESCE(c.seq, 0)
      AND (h.seq - COALESCE(c.seq, 0) >= ${every} OR COALESCE(c.created_at, o.created_at) <= ${since})`;
  let made = 0;
  for (const org of due) {
    made += await db.$transaction(async (tx) => {
      const [{ locked }] = await tx.$queryRaw<
        { locked: boolean }[]
      >`SELECT pg_try_advisory_xact_lock(${CHECKPOINT_LOCK_CLASS}::int, hashtext(${org.id})) AS locked`;
      if (!locked) return 0;
      // Another instance may have checkpointed this head since the read above.
      const last = await tx.auditCheckpoint.findFirst({ where: { orgId: org.id }, orderBy: { seq: "desc" }, select: { seq: true } });
      if (last && last.seq >= org.seq) return 0;
      await createAuditCheckpoint(tx, org.id, "periodic", { head: { seq: org.seq, hash: org.hash } });
      return 1;
    });
  }
  return made;
}
