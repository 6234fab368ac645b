import type { Db } from "@/lib/db/client";
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
  const candidates = await db.$queryRaw<{ org_id: string }[]>`
    SELECT DISTINCT org_id FROM policies WHERE document->'settlement'->>'auto_after_hours' IS NOT NULL`;
  let settled = 0;
  for (const { org_id: orgId } of candidates) {
    const { settlement } = (await getOrgPolicy(db, orgId)).policy;
    if (settlement.autoAfterHours === null) continue;
    const cutoff = new Date(now.getTime() - settlement.autoAfterHours * HOUR_MS);
    settled += await db.$transaction(async (tx) => {
      const due = await tx.$queryRaw<{ id: string; amount: bigint }[]>`
        SELECT id, amount FROM intents
        WHERE org_id = ${orgId} AND status = 'approved' AND settlement IS NULL AND decided_at <= ${cutoff}
        ORDER BY decided_at LIMIT ${batch} FOR UPDATE SKIP LOCKED`;
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
