import crypto from "node:crypto";
import canonicalize from "canonicalize";

/** The hash a chain starts from: every organisation's first event links to it. */
export const GENESIS_HASH = "0".repeat(64);

/** What the hash covers: every column of the event as written, plus its place in the chain. */
export type ChainedFields = {
  id: string;
  orgId: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string;
  data: unknown;
  createdAt: Date;
};

/**
 * SHA-256 over the RFC 8785 canonical JSON of the event (so key order in the stored JSON
 * cannot change the hash), its sequence number and the previous event's hash.
 */
export function hashAuditEvent(e: ChainedFields, seq: bigint, prevHash: string): string {
  const body = canonicalize({
    v: 1,
    seq: seq.toString(),
    prev: prevHash,
    id: e.id,
    org: e.orgId,
    actor: [e.actorType, e.actorId, e.actorLabel],
    action: e.action,
    target: [e.targetType, e.targetId],
    data: e.data ?? null,
    at: e.createdAt.toISOString(),
  });
  return crypto.createHash("sha256").update(body!).digest("hex");
}

export type ChainedRow = ChainedFields & { seq: bigint | null; prevHash: string | null; hash: string | null };
export type BrokenLink = {
  seq: string;
  id: string;
  created_at: string;
  action: string;
  reason: "sequence_gap" | "previous_hash_mismatch" | "hash_mismatch" | "checkpoint_mismatch";
  detail: string;
};

/**
 * Checks chained rows (in seq order) against the link before them; returns the first broken
 * link or null and the new tail. Pure, so the verifier streams the chain through it in batches.
 */
export function checkChainSegment(
  rows: ChainedRow[],
  tail: { seq: bigint; hash: string },
  pins: ReadonlyMap<bigint, { id: string; hash: string }> = new Map(),
): { broken: BrokenLink | null; tail: { seq: bigint; hash: string } } {
  let { seq, hash } = tail;
  for (const r of rows) {
    const at = { seq: String(r.seq), id: r.id, created_at: r.createdAt.toISOString(), action: r.action };
    if (r.seq !== seq + 1n)
      return {
        broken: { ...at, reason: "sequence_gap", detail: `expected event #${seq + 1n} after #${seq}, found #${r.seq}: events are missing` },
        tail: { seq, hash },
      };
    if (r.prevHash !== hash)
      return { broken: { ...at, reason: "previous_hash_mismatch", detail: "its previous-hash does not match the event before it" }, tail: { seq, hash } };
    const expected = hashAuditEvent(r, r.seq, r.prevHash);
    if (r.hash !== expected)
      return { broken: { ...at, reason: "hash_mismatch", detail: "its contents were changed after it was recorded" }, tail: { seq, hash } };
    const pin = pins.get(r.seq);
    if (pin && pin.hash !== r.hash)
      return {
        broken: {
          ...at,
          reason: "checkpoint_mismatch",
          detail: `it does not match signed checkpoint ${pin.id}: an event up to it was changed and the chain recomputed`,
        },
        tail: { seq, hash },
      };
    seq = r.seq;
    hash = r.hash;
  }
  return { broken: null, tail: { seq, hash } };
}
