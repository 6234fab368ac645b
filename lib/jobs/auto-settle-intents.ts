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
