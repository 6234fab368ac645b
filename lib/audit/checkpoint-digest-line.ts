import type { AuditCheckpoint } from "@/lib/generated/prisma/client";

/**
 * The daily digest's witness line: the organisation's newest signed checkpoint, in full (head,
 * hash, key, signature), so a mailbox outside our database holds what an export must agree with.
 */
export function checkpointDigestLine(c: AuditCheckpoint): string {
  return [
    `Audit chain checkpoint ${c.id}: event #${c.seq} has hash ${c.hash}`,
    `  signed ${c.createdAt.toISOString()} with key ${c.keyId}: ${c.signature}`,
    `  Keep this email: an audit export that disagrees with it was altered (aegis-audit-verify checks it).`,
  ].join("\n");
}
