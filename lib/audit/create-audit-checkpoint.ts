import crypto from "node:crypto";
import type { Tx } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { env } from "@/lib/env";
import type { AuditCheckpoint, Prisma } from "@/lib/generated/prisma/client";
import { enqueueEvent } from "@/lib/webhooks/enqueue-event";
import { checkpointPayload, type CheckpointKind } from "./checkpoint-payload";
import { getChainHead, type ChainHead } from "./get-chain-head";
import { getSigningKey, type SigningKey } from "./get-signing-key";
import { serializeAuditCheckpoint, serializeAuditSigningKey } from "./serialize-audit-checkpoint";

export type CheckpointOptions = {
  details?: Record<string, unknown>;
  /** The key to sign with (a rotation signs with the outgoing key); default the active one. */
  key?: SigningKey;
  head?: ChainHead;
  purgedThroughSeq?: bigint;
  at?: Date;
};

/**
 * Signs the organisation's chain head (Ed25519 over checkpointPayload) and stores the checkpoint
 * in the caller's transaction, with its witness: an `audit.checkpoint` webhook event through the
 * outbox (so it leaves our database once the transaction commits). With AEGIS_TSA_URL set it is
 * also due for an RFC 3161 timestamp, fetched after commit by timestampAuditCheckpoints.
 */
export async function createAuditCheckpoint(tx: Tx, orgId: string, kind: CheckpointKind, opts: CheckpointOptions = {}): Promise<AuditCheckpoint> {
  const head = opts.head ?? (await getChainHead(tx, orgId));
  const key = opts.key ?? (await getSigningKey(tx, orgId));
  const fields = {
    id: newId("ackp"),
    orgId,
    kind,
    seq: head.seq,
    hash: head.hash,
    createdAt: opts.at ?? new Date(),
    keyId: key.id,
    details: opts.details ?? {},
  };
  const signature = crypto.sign(null, Buffer.from(checkpointPayload(fields)), key.privateKey).toString("base64");
  const saved = await tx.auditCheckpoint.create({
    data: {
      ...fields,
      details: fields.details as Prisma.InputJsonValue,
      signature,
      purgedThroughSeq: opts.purgedThroughSeq ?? null,
      // Due for an RFC 3161 timestamp once this commits (timestampAuditCheckpoints, in the background).
      tsaNextAt: env().AEGIS_TSA_URL ? fields.createdAt : null,
    },
  });
  await enqueueEvent(tx, {
    orgId,
    type: "audit.checkpoint",
    data: { checkpoint: serializeAuditCheckpoint(saved), key: serializeAuditSigningKey(key) },
    at: fields.createdAt,
  });
  return saved;
}
