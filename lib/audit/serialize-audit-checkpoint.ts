import type { AuditCheckpoint, AuditSigningKey } from "@/lib/generated/prisma/client";

/**
 * Where the checkpoint's RFC 3161 token stands: the timestamp job (timestamp-audit-checkpoints)
 * keeps `tsa_next_at` while it retries and clears it when it stamps or gives up, so an auditor
 * (and the evidence page) can tell a token still coming from one that never will.
 */
function timestampState(c: AuditCheckpoint): "stamped" | "waiting" | "failed" | "not_requested" {
  if (c.tsaToken) return "stamped";
  if (c.tsaNextAt) return "waiting";
  return c.tsaAttempts > 0 ? "failed" : "not_requested";
}

/** A checkpoint as the API, the export and the `audit.checkpoint` webhook carry it. */
export function serializeAuditCheckpoint(c: AuditCheckpoint) {
  return {
    object: "audit_checkpoint" as const,
    id: c.id,
    org_id: c.orgId,
    kind: c.kind,
    seq: c.seq.toString(),
    hash: c.hash,
    created_at: c.createdAt.toISOString(),
    key_id: c.keyId,
    signature: c.signature,
    details: c.details as Record<string, unknown>,
    /** RFC 3161 token (base64 DER) over the signed payload, when one was stored. */
    timestamp: c.tsaToken ? { token: Buffer.from(c.tsaToken).toString("base64"), time: c.tsaTime?.toISOString() ?? null } : null,
    timestamp_state: timestampState(c),
    timestamp_error: c.tsaToken ? null : c.tsaError,
  };
}
export type AuditCheckpointView = ReturnType<typeof serializeAuditCheckpoint>;

/** A public key with its validity, as a JWK (`kty` OKP, `crv` Ed25519) beside our key id. */
export function serializeAuditSigningKey(k: Pick<AuditSigningKey, "id" | "publicKey" | "createdAt" | "retiredAt">) {
  return {
    object: "audit_signing_key" as const,
    id: k.id,
    algorithm: "Ed25519" as const,
    public_key: { kty: "OKP" as const, crv: "Ed25519" as const, x: k.publicKey, kid: k.id },
    valid_from: k.createdAt.toISOString(),
    valid_until: k.retiredAt?.toISOString() ?? null,
  };
}
export type AuditSigningKeyView = ReturnType<typeof serializeAuditSigningKey>;
