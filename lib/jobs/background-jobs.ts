import { expireApprovals } from "@/lib/approvals/expire-approvals";
import { escalateOverdueApprovals } from "@/lib/approver-groups/escalate-overdue-approvals";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { autoSettleIntents } from "./auto-settle-intents";
import { pruneMinuteCounters } from "@/lib/counters/prune-minute-counters";
import { limitStore } from "@/lib/limits/get-limit-store";
import { startRecoveryJob, stopRecoveryJob } from "./recovery-job";
import { startAuditChainJob, stopAuditChainJob } from "./audit-chain-job";
import { startAuditVerificationJob, stopAuditVerificationJob } from "./audit-verification-job";
import { startAuditTimestampJob, stopAuditTimestampJob } from "./audit-timestamp-job";
import { intervalJob } from "./interval-job";
import { startPartitionJob, stopPartitionJob } from "./partition-job";
import { runOutboxTick } from "./run-outbox-tick";
import { webhookConfig } from "@/lib/webhooks/webhook-config";

/**
 * One sweep: expire overdue approvals, escalate slow ones, settle uncaptured approved intents.
 * Leftover `pending` intents are the recovery job's (recovery-job.ts), every few seconds.
 */
export async function runSweep(): Promise<{ expired: number; escalated: number; settled: number }> {
  const db = await getDb();
  let expired = 0;
  for (let n = -1; n !== 0;) expired += n = await expireApprovals(db);
  let escalated = 0;
  for (let n = -1; n !== 0;) escalated += n = await escalateOverdueApprovals(db);
  const settled = await autoSettleIntents(db);
  await pruneMinuteCounters(db);
  await limitStore().sweep(Date.now());
  return { expired, escalated, settled };
}

const sweepJob = intervalJob("sweep", async () => {
  const r = await runSweep();
  if (r.expired || r.escalated || r.settled) console.log(`[jobs] expired ${r.expired} approvals, escalated ${r.escalated}, auto-settled ${r.settled} intents`);
});
const outboxJob = intervalJob("outbox", runOutboxTick);

/** Starts every background loop (once per process; passes of one loop never overlap). */
export function startBackgroundJobs(): void {
  startRecoveryJob(); // first: after a crash, leftover intents have clients waiting on them
  startPartitionJob();
  sweepJob.start(env().AEGIS_SWEEP_INTERVAL_MS, { runAtStart: true });
  startAuditChainJob();
  startAuditVerificationJob();
  startAuditTimestampJob();
  outboxJob.start(webhookConfig().pollMs);
}

export function stopBackgroundJobs(): void {
  sweepJob.stop();
  outboxJob.stop();
  stopAuditChainJob();
  stopAuditVerificationJob();
  stopAuditTimestampJob();
  stopRecoveryJob();
  stopPartitionJob();
}
