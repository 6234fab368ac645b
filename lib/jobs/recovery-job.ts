import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { recoverPendingIntents } from "./recover-pending-intents";

/**
 * How often each instance looks for intents left `pending`. Much shorter than the general
 * sweep (30 s): after a crash and restart, an intent the dead process stored but never decided
 * must be decided within the SDK's default wait (15 s), counting the restart itself. The look
 * is one index range read on intents(status, created_at), which is empty almost always.
 * AEGIS_RECOVERY_INTERVAL_MS (default 3 s; 0 turns it off).
 */
const holder = globalThis as { __aegisRecovery?: NodeJS.Timeout | null };

/** Runs a recovery pass at once (start-up) and then every few seconds; passes never overlap. */
export function startRecoveryJob(): void {
  const INTERVAL_MS = env().AEGIS_RECOVERY_INTERVAL_MS;
  if (INTERVAL_MS <= 0) return;
  if (holder.__aegisRecovery !== undefined && holder.__aegisRecovery !== null) return;
  const pass = async () => {
    try {
      const recovered = await recoverPendingIntents(await getDb());
      if (recovered) console.log(`[jobs] recovered ${recovered} pending intents`);
    } catch (e) {
      console.error("[jobs] recovery pass failed:", (e as Error).message);
    }
    if (holder.__aegisRecovery !== null) schedule();
  };
  const schedule = () => {
    holder.__aegisRecovery = setTimeout(pass, INTERVAL_MS);
    holder.__aegisRecovery.unref();
  };
  holder.__aegisRecovery = setTimeout(pass, 0);
  holder.__aegisRecovery.unref();
}

export function stopRecoveryJob(): void {
  if (holder.__aegisRecovery) clearTimeout(holder.__aegisRecovery);
  holder.__aegisRecovery = null;
}
