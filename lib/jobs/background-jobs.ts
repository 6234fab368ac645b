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
import { runOutboxTick } from "./run-outbox-tick";
import { webhookConfig } from "@/lib/webhooks/webhook-config";

const holder = globalThis as { __aegisJobs?: NodeJS.Timeout; __aegisOutbox?: NodeJS.Timeout };

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

/** Runs a sweep at start-up and then periodically (once per process). */
export function startBackgroundJobs(): void {
  if (holder.__aegisJobs) return;
  const tick = () =>
    runSweep()
      .then(
        (r) =>
          (r.expired || r.escalated || r.settled) &&
          console.log(`[jobs] expired ${r.expired} approvals, escalated ${r.escalated}, auto-settled ${r.settled} intents`),
      )
      .catch((e) => console.error("[jobs] sweep failed:", (e as Error).message));
  startRecoveryJob(); // first: after a crash, leftover intents have clients waiting on them
  void tick();
  holder.__aegisJobs = setInterval(tick, env().AEGIS_SWEEP_INTERVAL_MS);
  holder.__aegisJobs.unref();
  startAuditChainJob();
  startAuditVerificationJob();
  holder.__aegisOutbox = setInterval(runOutboxTick, webhookConfig().pollMs);
  holder.__aegisOutbox.unref();
}

export function stopBackgroundJobs(): void {
  if (holder.__aegisJobs) clearInterval(holder.__aegisJobs);
  if (holder.__aegisOutbox) clearInterval(holder.__aegisOutbox);
  holder.__aegisJobs = holder.__aegisOutbox = undefined;
  stopAuditChainJob();
  stopAuditVerificationJob();
  stopRecoveryJob();
}
