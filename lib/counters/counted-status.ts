import type { CountedStatus } from "./counter-delta";

const COUNTED = new Set<string>(["pending", "pending_approval", "approved", "denied", "expired"]);

/** An intent status as the counters know it (every status today; a new one must be added to the counters first). */
export function countedStatus(status: string): CountedStatus {
  if (!COUNTED.has(status)) throw new Error(`intent status ${status} has no counter`);
  return status as CountedStatus;
}
