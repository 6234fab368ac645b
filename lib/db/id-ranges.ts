import { idFloorAt, TIME_ORDERED_MARK } from "./ids";

/**
 * Widening of a date filter's id range: an intent's id carries its created_at exactly (both are
 * set from one clock reading, lib/intents/submit-intent.ts), so this only guards rows whose
 * created_at was written apart from the id. The created_at condition stays and decides.
 */
const SLACK_MS = 24 * 60 * 60 * 1000;

export type IdRange = {
  /** Ids made before time-ordered ids sort below this or at/after `oldFrom`: they may be of any date. */
  oldBelow: string;
  oldFrom: string;
  low?: string;
  high?: string;
};

/**
 * The ids of kind `prefix` that can belong to rows created in [after, before): a condition the
 * planner can prune monthly partitions with (the partition key is the id), added beside the
 * created_at filter. Null when neither bound is given.
 */
export function idRangeOfDates(prefix: string, after?: Date, before?: Date): IdRange | null {
  if (!after && !before) return null;
  const next = String.fromCharCode(TIME_ORDERED_MARK.charCodeAt(0) + 1);
  return {
    oldBelow: `${prefix}_${TIME_ORDERED_MARK}`,
    oldFrom: `${prefix}_${next}`,
    low: after ? idFloorAt(prefix, Math.max(0, after.getTime() - SLACK_MS)) : undefined,
    high: before ? idFloorAt(prefix, before.getTime() + SLACK_MS) : undefined,
  };
}
