import { chainAuditEvents } from "@/lib/audit/chain-audit-events";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";

const holder = globalThis as { __aegisAuditChain?: NodeJS.Timeout | null };

/**
 * Seals new audit events into their organisation's hash chain every second or so. Each pass
 * runs after the previous one finished (no overlap); every instance runs it and the
 * per-organisation advisory lock lets exactly one of them seal a given batch.
 */
export function startAuditChainJob(): void {
  const intervalMs = env().AEGIS_AUDIT_CHAIN_INTERVAL_MS;
  if (intervalMs <= 0) return; // 0 turns chaining off (benchmarks compare with and without it)
  if (holder.__aegisAuditChain !== undefined && holder.__aegisAuditChain !== null) return;
  const pass = async () => {
    try {
      await chainAuditEvents(await getDb());
    } catch (e) {
      console.error("[jobs] audit chain pass failed:", (e as Error).message);
    }
    if (holder.__aegisAuditChain !== null) schedule();
  };
  const schedule = () => {
    holder.__aegisAuditChain = setTimeout(pass, intervalMs);
    holder.__aegisAuditChain.unref();
  };
  schedule();
}

export function stopAuditChainJob(): void {
  if (holder.__aegisAuditChain) clearTimeout(holder.__aegisAuditChain);
  holder.__aegisAuditChain = null;
}
