import { chainAuditEvents } from "@/lib/audit/chain-audit-events";
import { checkpointAuditChains } from "@/lib/audit/checkpoint-audit-chains";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { intervalJob } from "./interval-job";

/** The checkpoint look when nothing was sealed: the time rule (minutes) needs no finer grain. */
const IDLE_CHECKPOINT_LOOK_MS = 5_000;
let lastLook = 0;

/**
 * Seals new audit events into their organisation's hash chain every second or so, then signs a
 * checkpoint of each head that is due (checkpointAuditChains). Each pass runs after the previous
 * one finished (no overlap); every instance runs it and per-organisation advisory locks let exactly
 * one of them seal a given batch or sign a given head. AEGIS_AUDIT_CHAIN_INTERVAL_MS 0 turns
 * chaining off (benchmarks compare with and without it).
 */
const job = intervalJob("audit chain", async () => {
  const db = await getDb();
  const sealed = await chainAuditEvents(db);
  if (sealed > 0 || Date.now() - lastLook >= IDLE_CHECKPOINT_LOOK_MS) {
    lastLook = Date.now();
    await checkpointAuditChains(db);
  }
});

export const startAuditChainJob = () => job.start(env().AEGIS_AUDIT_CHAIN_INTERVAL_MS);
export const stopAuditChainJob = job.stop;
