import type { Db } from "@/lib/db/client";
import { settleApproval } from "./settle-approval";

/**
 * Expires overdue approvals, releasing their holds, one approval per transaction: each locks
 * its agent, and taking several agents' locks in one transaction could deadlock with another
 * sweep. SKIP LOCKED lets several instances sweep at once without waiting on or
 * double-expiring each other's rows.
 */
export async function expireApprovals(db: Db, now = new Date(), batch = 100): Promise<number> {
  let expired = 0;
  while (expired < batch) {
    const done = await db.$transaction(async (tx) => {
      const [due] = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM approvals WHERE status = 'pending' AND expires_at <= ${now}
        ORDER BY expires_at LIMIT 1 FOR UPDATE SKIP LOCKED`;
      if (due) await settleApproval(tx, due.id, "expired", "system", now);
      return due ? 1 : 0;
    });
    if (done === 0) break;
    expired += done;
  }
  return expired;
}
