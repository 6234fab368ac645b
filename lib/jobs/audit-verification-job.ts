import { runAuditVerifications } from "@/lib/audit/run-audit-verifications";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";

const holder = globalThis as { __aegisAuditVerify?: NodeJS.Timeout | null };

/**
 * Runs the chain checks people request on the dashboard's audit chain page. It looks on the
 * audit chainer's interval (AEGIS_AUDIT_CHAIN_INTERVAL_MS, about a second; 0 turns both off):
 * the look is one read of a partial index that is empty almost always, and a person waiting
 * on the page sees the check start at once. Passes never overlap; a check of millions of
 * events holds only this loop, never a request or the chainer.
 */
export function startAuditVerificationJob(): void {
  const intervalMs = env().AEGIS_AUDIT_CHAIN_INTERVAL_MS;
  if (intervalMs <= 0) return;
  if (holder.__aegisAuditVerify !== undefined && holder.__aegisAuditVerify !== null) return;
  const pass = async () => {
    try {
      const done = await runAuditVerifications(await getDb());
      if (done) console.log(`[jobs] ran ${done} audit chain checks`);
    } catch (e) {
      console.error("[jobs] audit verification pass failed:", (e as Error).message);
    }
    if (holder.__aegisAuditVerify !== null) schedule();
  };
  const schedule = () => {
    holder.__aegisAuditVerify = setTimeout(pass, intervalMs);
    holder.__aegisAuditVerify.unref();
  };
  schedule();
}

export function stopAuditVerificationJob(): void {
  if (holder.__aegisAuditVerify) clearTimeout(holder.__aegisAuditVerify);
  holder.__aegisAuditVerify = null;
}
