import type { Tx } from "@/lib/db/client";
import { counterDelta, type CounterDelta, type Transition } from "./counter-delta";
import { intentSourceSql, upsertDayCountersSql, upsertMinuteCountersSql } from "./counter-sql";

const isZero = (d: CounterDelta) => Object.values(d).every((v) => v === 0);

/**
 * Adds `delta` to the counters of the intent's day, in the caller's transaction. For changes
 * that move spend without a status change (a capture or void: `settlementDelta`).
 */
export async function applyCounterDelta(tx: Tx, intentId: string, delta: CounterDelta): Promise<void> {
  if (isZero(delta)) return;
  await tx.$executeRaw(upsertDayCountersSql(intentSourceSql(intentId), delta));
}

/** Records an intent's status change in its day's counters (and, when it is new, in its minute's velocity bucket). */
export async function countIntentTransition(tx: Tx, intentId: string, t: Transition): Promise<void> {
  await applyCounterDelta(tx, intentId, counterDelta(t));
  if (t.from === null) await tx.$executeRaw(upsertMinuteCountersSql(intentSourceSql(intentId)));
}
