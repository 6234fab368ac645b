import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { intervalJob } from "./interval-job";
import { recoverPendingIntents } from "./recover-pending-intents";

/**
 * How often each instance looks for intents left `pending`. Much shorter than the general
 * sweep (30 s): after a crash and restart, an intent the dead process stored but never decided
 * must be decided within the SDK's default wait (15 s), counting the restart itself. The look
 * is one index range read on intents(status, created_at), which is empty almost always.
 * AEGIS_RECOVERY_INTERVAL_MS (default 3 s; 0 turns it off).
 */
const job = intervalJob("recovery", async () => {
  const recovered = await recoverPendingIntents(await getDb());
  if (recovered) console.log(`[jobs] recovered ${recovered} pending intents`);
});

/** Runs a recovery pass at once (start-up) and then every few seconds; passes never overlap. */
export const startRecoveryJob = () => job.start(env().AEGIS_RECOVERY_INTERVAL_MS, { runAtStart: true });
export const stopRecoveryJob = job.stop;
