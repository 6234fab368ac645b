import canonicalize from "canonicalize";

/**
 * What a checkpoint's Ed25519 signature covers: the organisation, the chain head it vouches for
 * (the last sequence number and that event's hash), the time, the key, and the kind's own signed
 * details, as RFC 8785 canonical JSON. sdk/audit-verify rebuilds the same bytes from an export
 * (its README documents them), so this shape is a published format: change it only with a new `v`.
 */
export const CHECKPOINT_KINDS = ["periodic", "export", "rotation", "tombstone"] as const;
export type CheckpointKind = (typeof CHECKPOINT_KINDS)[number];

export type CheckpointFields = {
  id: string;
  orgId: string;
  kind: string;
  seq: bigint;
  hash: string;
  createdAt: Date;
  keyId: string;
  details: unknown;
};

export function checkpointPayload(c: CheckpointFields): string {
  return canonicalize({
    v: 1,
    type: "aegis.audit.checkpoint",
    id: c.id,
    org: c.orgId,
    kind: c.kind,
    seq: c.seq.toString(),
    hash: c.hash,
    at: c.createdAt.toISOString(),
    key_id: c.keyId,
    details: c.details ?? {},
  })!;
}
