import { sql } from "kysely";
import type { Db } from "@/lib/db/client";
import { sqlOf, sqlTransaction, type SqlDb, type SqlTx } from "@/lib/db/sql";
import { settleApprovedIntent } from "@/lib/intents/settle-approved-intent";
import { lockAgent } from "@/lib/intents/lock-decision-inputs";
import { getOrgPolicy } from "@/lib/policies/get-org-policy";

const HOUR_MS = 3_600_000;

/**
 * Settles approved intents that nobody captured or voided within the policy's
 * `settlement.auto_after_hours`: captured in full or voided, as `auto_action` says, by
 * "system". Each intent is settled in its own transaction under its agent's lock and checked
 * again there, so instances sweeping at once never settle one twice, and an agent's capture
 * racing the sweep is decided by whichever takes the agent first (the other moves nothing).
 *
 * Money a card rail settles is never swept: every intent of an organisation with an active rail
 * connection, and any intent a card authorization took from, waits for the rail's capture or
 * release (settleFromRail) or a person.
 */
export async function autoSettleIntents(db: Db, now = new Date(), batch = 100): Promise<number> {
  // Only organisations that ever turned auto-settlement on; their current policy decides.
  const candidates = await sqlOf(db)
    .selectFrom("policies")
    .select("org_id")
    .distinct()
    .where(sql<boolean>`document->'settlement'->>'auto_after_hours' IS NOT NULL`)
    .execute();
  let settled = 0;
  for (const { org_id: orgId } of candidates) {
    // An organisation with a card rail is settled by the rail (settleFromRail): the sweep would
    // capture money the card never paid, or void an intent whose card capture is still on its way.
    const rail = await sqlOf(db).selectFrom("rail_connections").select("id").where("org_id", "=", orgId).where("status", "=", "active").executeTakeFirst();
    if (rail) continue;
    const { settlement } = (await getOrgPolicy(db, orgId)).policy;
    if (settlement.autoAfterHours === null) continue;
    const cutoff = new Date(now.getTime() - settlement.autoAfterHours * HOUR_MS);
    const due = await dueIntents(sqlOf(db), orgId, cutoff).orderBy("decided_at").limit(batch).execute();
    for (const row of due) {
      const request =
        settlement.autoAction === "capture"
          ? { kind: "capture" as const, amount: Number(row.amount) }
          : { kind: "void" as const, reason: `Not captured within ${settlement.autoAfterHours} h of approval` };
      // One intent per transaction, its agent's lock first (the order every money change of one
      // agent takes; a batch of intent rows locked first deadlocked with an agent's own capture),
      // then the same conditions again under that lock: another instance's sweep, a capture or a
      // card authorization may have come first, and then this one moves nothing.
      settled += await sqlTransaction(db, async (tx) => {
        await lockAgent(tx, orgId, row.agent_id);
        const still = await dueIntents(tx, orgId, cutoff).where("intents.id", "=", row.id).forUpdate().executeTakeFirst();
        if (!still) return 0;
        await settleApprovedIntent(tx, row.id, request, "system", { at: now, auto: true });
        return 1;
      });
    }
  }
  return settled;
}

/**
 * Approved intents of the organisation nobody captured or voided since `cutoff`, that no card
 * authorization took from (its rail may since have been disconnected): the card's capture or
 * release settles those, never a guess from the clock.
 */
function dueIntents(db: SqlDb | SqlTx, orgId: string, cutoff: Date) {
  return db
    .selectFrom("intents")
    .select(["intents.id", "intents.amount", "intents.agent_id"])
    .where("intents.org_id", "=", orgId)
    .where("intents.status", "=", "approved")
    .where("intents.settlement", "is", null)
    .where("intents.decided_at", "<=", cutoff)
    .where("intents.card_authorized", "=", 0)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom("rail_authorizations as ra").select("ra.id").whereRef("ra.intent_id", "=", "intents.id"))));
}
