import type { Db, Tx } from "@/lib/db/client";
import { GENESIS_HASH, hashAuditEvent } from "./hash-audit-event";

const BATCH = 1000;
/** First key of the advisory lock (the second is the organisation): one chainer per organisation at a time. */
export const CHAIN_LOCK_CLASS = 0x0a0d17;

/**
 * Seals recorded audit events into their organisation's hash chain, after they committed:
 * each unchained event gets the next sequence number, the previous event's hash and its own.
 * Writers never wait for this (the submit path only inserts its row), so chaining adds no
 * lock to the hot path; any instance's background jobs may run it, and a transaction-scoped
 * advisory lock per organisation (tried, never waited for) keeps two chainers from racing.
 * Events are sealed in the order they became visible, which is commit order as the chainer
 * sees it. Returns how many events were sealed.
 */
export async function chainAuditEvents(db: Db, onlyOrgId?: string): Promise<number> {
  const orgs = onlyOrgId
    ? [{ id: onlyOrgId }]
    : await db.$queryRaw<{ id: string }[]>`
        SELECT o.id FROM organizations o WHERE EXISTS (SELECT 1 FROM audit_events a WHERE a.org_id = o.id AND a.seq IS NULL)`;
  let sealed = 0;
  for (const { id } of orgs) {
    for (let n = -1; n !== 0; sealed += n) n = await db.$transaction((tx) => chainBatch(tx, id));
  }
  return sealed;
}

async function chainBatch(tx: Tx, orgId: string): Promise<number> {
  const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${CHAIN_LOCK_CLASS}::int, hashtext(${orgId})) AS locked`;
  if (!locked) return 0;
  const head = await tx.auditEvent.findFirst({ where: { orgId, seq: { not: null } }, orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  const rows = await tx.auditEvent.findMany({ where: { orgId, seq: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: BATCH });
  if (rows.length === 0) return 0;
  let seq = head?.seq ?? 0n;
  let prev = head?.hash ?? GENESIS_HASH;
  const links = rows.map((r) => {
    seq += 1n;
    const hash = hashAuditEvent(r, seq, prev);
    const link = { id: r.id, seq: seq.toString(), prev_hash: prev, hash };
    prev = hash;
    return link;
  });
  // One statement for the batch; "seq IS NULL" and the unique (org, seq) index make a lost race fail, never fork the chain.
  await tx.$executeRaw`
    UPDATE audit_events AS a SET seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
    FROM jsonb_to_recordset(${JSON.stringify(links)}::jsonb) AS v(id text, seq bigint, prev_hash text, hash text)
    WHERE a.id = v.id AND a.seq IS NULL`;
  return rows.length;
}
