import type { SqlTx } from "@/lib/db/sql";
import { counterDelta, type CounterDelta, type Transition } from "./counter-delta";
import { intentSourceSql, upsertDayCountersSql, upsertMinuteCountersSql, upsertSpendDimensionsSql } from "./counter-sql";

const isZero = (d: CounterDelta) => Object.values(d).every((v) => v === 0);

/**
 * Adds `delta` to the counters of the intent's day (and its spend to the by-category and
 * by-merchant rows), in the caller's transaction. For changes
 * that move spend without a status change (a capture or void: `settlementDelta`).
 */
export async function applyCounterDelta(tx: SqlTx, intentId: string, delta: CounterDelta): Promise<void> {
  if (isZero(delta)) return;
  await upsertDayCountersSql(intentSourceSql(intentId), delta).execute(tx);
  if (delta.spent !== 0) await upsertSpendDimensionsSql(intentSourceSql(intentId), delta.spent).execute(tx);
}

/** Records an intent's status change in its day's counters (and, when it is new, in its minute's velocity bucket). */
export async function countIntentTransition(tx: SqlTx, intentId: string, t: Transition): Promise<void> {
  await applyCounterDelta(tx, intentId, counterDelta(t));
  if (t.from === null) await upsertMinuteCountersSql(intentSourceSql(intentId)).execute(tx);
}
