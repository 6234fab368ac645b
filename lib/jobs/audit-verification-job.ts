import { runAuditVerifications } from "@/lib/audit/run-audit-verifications";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { intervalJob } from "./interval-job";

/**
 * Runs the chain checks people request on the dashboard's audit chain page. It looks on the
 * audit chainer's interval (AEGIS_AUDIT_CHAIN_INTERVAL_MS, about a second; 0 turns both off):
 * the look is one read of a partial index that is empty almost always, and a person waiting
 * on the page sees the check start at once. Passes never overlap; a check of millions of
 * events holds only this loop, never a request or the chainer.
 */
const job = intervalJob("audit verification", async () => {
  const done = await runAuditVerifications(await getDb());
  if (done) console.log(`[jobs] ran ${done} audit chain checks`);
});

export const startAuditVerificationJob = () => job.start(env().AEGIS_AUDIT_CHAIN_INTERVAL_MS);
export const stopAuditVerificationJob = job.stop;
