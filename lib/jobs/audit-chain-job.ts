import { chainAuditEvents } from "@/lib/audit/chain-audit-events";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { intervalJob } from "./interval-job";

/**
 * Seals new audit events into their organisation's hash chain every second or so. Each pass
 * runs after the previous one finished (no overlap); every instance runs it and the
 * per-organisation advisory lock lets exactly one of them seal a given batch.
 * AEGIS_AUDIT_CHAIN_INTERVAL_MS 0 turns chaining off (benchmarks compare with and without it).
 */
const job = intervalJob("audit chain", async () => {
  await chainAuditEvents(await getDb());
});

export const startAuditChainJob = () => job.start(env().AEGIS_AUDIT_CHAIN_INTERVAL_MS);
export const stopAuditChainJob = job.stop;
