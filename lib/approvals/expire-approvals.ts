import type { Db } from "@/lib/db/client";
import { settleApproval } from "./settle-approval";

/**
 * Expires overdue approvals, releasing their holds. SKIP LOCKED lets several instances
 * sweep at once without waiting on or double-expiring each other's rows.
 */
export async function expireApprovals(db: Db, now = new Date(), batch = 100): Promise<number> {
  return db.$transaction(async (tx) => {
    const due = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM approvals WHERE status = 'pending' AND expires_at <= ${now}
      ORDER BY expires_at LIMIT ${batch} FOR UPDATE SKIP LOCKED`;
    for (const { id } of due) await settleApproval(tx, id, "expired", "system", now);
    return due.length;
  });
}
