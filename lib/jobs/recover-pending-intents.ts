import type { Db } from "@/lib/db/client";
import { decideIntent } from "@/lib/intents/decide-intent";

/**
 * An intent younger than this may still be decided by the request that stored it: a submit
 * stores a row `pending` only on its fallback path and tries to decide it right after the
 * commit (milliseconds). The grace is a courtesy, not what keeps decisions single: decideIntent
 * claims the row with FOR UPDATE SKIP LOCKED and re-checks `status = 'pending'` under the lock,
 * so a sweep on any instance racing a live submitter (or another sweep) decides it once. A
 * short grace keeps "left pending by a killed process" decided within seconds of a restart.
 */
export const RECOVERY_GRACE_MS = 2_000;
const PARALLEL = 4;

/**
 * Decides intents left `pending` (a process died between storing and deciding, or the
 * decision failed), oldest first, in batches until none older than the grace is left
 * (bounded by `maxBatches`). Returns how many it decided.
 */
export async function recoverPendingIntents(db: Db, now = new Date(), batch = 100, maxBatches = 20): Promise<number> {
  let decided = 0;
  const skipped = new Set<string>();
  for (let n = 0; n < maxBatches; n++) {
    const leftovers = await db.intent.findMany({
      where: { status: "pending", createdAt: { lt: new Date(now.getTime() - RECOVERY_GRACE_MS) }, id: { notIn: [...skipped] } },
      select: { id: true },
      orderBy: { createdAt: "asc" },
      take: batch,
    });
    // A few at a time: each is mostly waiting on round trips, and one agent's intents still
    // take turns on its row lock inside decideIntent.
    for (let i = 0; i < leftovers.length; i += PARALLEL) {
      await Promise.all(
        leftovers.slice(i, i + PARALLEL).map(async ({ id }) => {
          try {
            if (await decideIntent(db, id)) decided++;
            else skipped.add(id); // being decided elsewhere (locked) or just decided
          } catch (e) {
            skipped.add(id);
            console.error(`[recovery] could not decide ${id}:`, (e as Error).message);
          }
        }),
      );
    }
    if (leftovers.length < batch) break;
  }
  return decided;
}
