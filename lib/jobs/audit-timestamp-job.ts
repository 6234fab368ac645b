import { timestampAuditCheckpoints } from "@/lib/audit/timestamp-audit-checkpoints";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { intervalJob } from "./interval-job";

/**
 * Asks the RFC 3161 timestamp authority for tokens over new checkpoints (timestampAuditCheckpoints),
 * on its own loop so a slow TSA never holds up sealing the chain or the webhook outbox. Polls as
 * often as the outbox; off without AEGIS_TSA_URL.
 */
const job = intervalJob("audit timestamps", async () => {
  const made = await timestampAuditCheckpoints(await getDb());
  if (made > 0) console.log(`[jobs] timestamped ${made} audit checkpoint${made === 1 ? "" : "s"}`);
});

export const startAuditTimestampJob = () => job.start(env().AEGIS_TSA_URL ? env().AEGIS_WEBHOOK_POLL_MS : 0);
export const stopAuditTimestampJob = job.stop;
