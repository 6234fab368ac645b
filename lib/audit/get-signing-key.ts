import crypto from "node:crypto";
import type { Tx } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { openSecret, sealSecret } from "@/lib/crypto/secret-box";

export type SigningKey = { id: string; privateKey: crypto.KeyObject; publicKey: string; createdAt: Date; retiredAt: Date | null };

/** A new Ed25519 key pair: the public half as a JWK's `x`, the private half sealed (secret-box) for storage. */
export function generateSigningKey() {
  const { publicKey, privateKey } = crypto.generateKeyPairSync("ed25519");
  return {
    id: newId("akey"),
    publicKey: publicKey.export({ format: "jwk" }).x!,
    sealedPrivateKey: sealSecret(privateKey.export({ format: "pem", type: "pkcs8" }).toString()),
  };
}

/**
 * The organisation's active checkpoint-signing key, made on first use. Two transactions making
 * the first key at once collide on the one-active-key index; the loser reads the winner's.
 */
export async function getSigningKey(tx: Tx, orgId: string): Promise<SigningKey> {
  let row = await tx.auditSigningKey.findFirst({ where: { orgId, retiredAt: null } });
  if (!row) {
    const k = generateSigningKey();
    await tx.$executeRaw`
      INSERT INTO audit_signing_keys (id, org_id, public_key, private_key, created_at)
      VALUES (${k.id}, ${orgId}, ${k.publicKey}, ${k.sealedPrivateKey}, ${new Date()})
      ON CONFLICT (org_id) WHERE retired_at IS NULL DO NOTHING`;
    row = await tx.auditSigningKey.findFirstOrThrow({ where: { orgId, retiredAt: null } });
  }
  return {
    id: row.id,
    publicKey: row.publicKey,
    createdAt: row.createdAt,
    retiredAt: row.retiredAt,
    privateKey: crypto.createPrivateKey(openSecret(row.privateKey!)),
  };
}
