import type { DbOrTx } from "@/lib/db/client";
import { GENESIS_HASH } from "./hash-audit-event";

export type ChainHead = { seq: bigint; hash: string };

/** The organisation's newest sealed event (one probe of the unique (org_id, seq) index); seq 0 and the genesis hash for an empty chain. */
export async function getChainHead(db: DbOrTx, orgId: string): Promise<ChainHead> {
  const head = await db.auditEvent.findFirst({ where: { orgId, seq: { not: null } }, orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  return head ? { seq: head.seq!, hash: head.hash! } : { seq: 0n, hash: GENESIS_HASH };
}
