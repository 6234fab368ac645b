import type { Db } from "@/lib/db/client";
import { cachedLookupPerDb } from "@/lib/db/cached-lookup";
import { getDecisionPolicies, type DecisionPolicies } from "./get-decision-policies";

export type DecisionSettings = DecisionPolicies;

/** Never used more than this long after it was read, even if a change announcement is lost. */
const MAX_STALE_MS = 1_000;

const settings = cachedLookupPerDb<Db, DecisionSettings>("org", MAX_STALE_MS, getDecisionPolicies);

/**
 * The organisation's parsed live policy, shadow draft and time zone, cached per process (and
 * per database client): re-reading and re-parsing them for every decision was most of a
 * decision's cost. Whoever changes any of them announces it with `notifyCacheChanged(tx, "org:" + orgId)`
 * in the same transaction, which drops the entry on every instance at commit; without that, an
 * entry still expires in 1 s.
 */
export function getDecisionSettings(db: Db, orgId: string): Promise<DecisionSettings> {
  return settings(db, orgId);
}
