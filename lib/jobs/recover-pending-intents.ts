import type { Db } from "@/lib/db/client";
import { decideIntent } from "@/lib/intents/decide-intent";

/** Intents younger than this are still being decided by their submitter. */
const GRACE_MS = 10_000;

/**
 * Decides intents left `pending` (a process died between storing and deciding, or the
 * decision failed). decideIntent claims each row with SKIP LOCKED, so instances running
 * this at once, or a submitter finishing late, never decide one twice.
 */
export async function recoverPendingIntents(db: Db, now = new Date(), batch = 100): Promise<number> {
  const leftovers = await db.intent.findMany({
    where: { status: "pending", createdAt: { lt: new Date(now.getTime() - GRACE_MS) } },
    select: { id: true },
    orderBy: { createdAt: "asc" },
    take: batch,
  });
  let decided = 0;
  for (const { id } of leftovers) {
    try {
      if (await decideIntent(db, id)) decided++;
    } catch (e) {
      console.error(`[recovery] could not decide ${id}:`, (e as Error).message);
    }
  }
  return decided;
}
