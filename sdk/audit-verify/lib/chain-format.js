import crypto from "node:crypto";
import { canonicalize } from "./canonicalize.js";

/** The hash an organisation's first event links to. */
export const GENESIS_HASH = "0".repeat(64);

/**
 * An event's hash: SHA-256 (hex) over the RFC 8785 canonical JSON of its fields, its sequence
 * number and the previous event's hash. The same bytes the server hashed when it sealed the event.
 */
export function eventHash(e) {
  const body = canonicalize({
    v: 1,
    seq: String(e.seq),
    prev: e.prev_hash,
    id: e.id,
    org: e.org_id,
    actor: [e.actor_type, e.actor_id ?? null, e.actor_label],
    action: e.action,
    target: [e.target_type, e.target_id],
    data: e.data ?? null,
    at: new Date(e.created_at).toISOString(),
  });
  return crypto.createHash("sha256").update(body).digest("hex");
}

/** The bytes a checkpoint's Ed25519 signature covers. */
export function checkpointPayload(c) {
  return canonicalize({
    v: 1,
    type: "aegis.audit.checkpoint",
    id: c.id,
    org: c.org_id,
    kind: c.kind,
    seq: String(c.seq),
    hash: c.hash,
    at: new Date(c.created_at).toISOString(),
    key_id: c.key_id,
    details: c.details ?? {},
  });
}

/** Whether an Ed25519 signature (base64) over the payload verifies with a JWK public key. */
export function signatureVerifies(payload, signature, jwk) {
  try {
    const key = crypto.createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: jwk.x }, format: "jwk" });
    return crypto.verify(null, Buffer.from(payload), key, Buffer.from(signature, "base64"));
  } catch {
    return false;
  }
}
