import { sql } from "kysely";
import type { Db } from "@/lib/db/client";
import { sqlOf, sqlTransaction } from "@/lib/db/sql";
import { settleApprovedIntent } from "@/lib/intents/settle-approved-intent";
import { getOrgPolicy } from "@/lib/policies/get-org-policy";

const HOUR_MS = 3_600_000;

/**
 * Settles approved intents that nobody captured or voided within the policy's
 * `settlement.auto_after_hours`: captured in full or voided, as `auto_action` says, by
 * "system". Rows are claimed with FOR UPDATE SKIP LOCKED, so instances sweeping at once
 * never settle one twice, and an agent's capture racing the sweep is decided by the guarded
 * update in settleApprovedIntent (the loser moves nothing).
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
    settled += await sqlTransaction(db, async (tx) => {
      const due = await tx
        .selectFrom("intents")
        .select(["id", "amount"])
        .where("org_id", "=", orgId)
        .where("status", "=", "approved")
        .where("settlement", "is", null)
        .where("decided_at", "<=", cutoff)
        // Authorized at a card (its rail may since have been disconnected): the card's capture or
        // release settles it, never a guess from the clock.
        .where("card_authorized", "=", 0)
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom("rail_authorizations as ra").select("ra.id").whereRef("ra.intent_id", "=", "intents.id"))),
        )
        .orderBy("decided_at")
        .limit(batch)
        .forUpdate()
        .skipLocked()
        .execute();
      for (const row of due) {
        const request =
          settlement.autoAction === "capture"
            ? { kind: "capture" as const, amount: Number(row.amount) }
            : { kind: "void" as const, reason: `Not captured within ${settlement.autoAfterHours} h of approval` };
        await settleApprovedIntent(tx, row.id, request, "system", { at: now, auto: true });
      }
      return due.length;
    });
  }
  return settled;
}
