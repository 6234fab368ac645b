import type { Db } from "@/lib/db/client";
import { sqlTransaction } from "@/lib/db/sql";
import { closeApproval } from "./close-approval";

/**
 * Expires overdue approvals, releasing their holds, one approval per transaction: each locks
 * its agent, and taking several agents' locks in one transaction could deadlock with another
 * sweep. SKIP LOCKED lets several instances sweep at once without waiting on or
 * double-expiring each other's rows.
 */
export async function expireApprovals(db: Db, now = new Date(), batch = 100): Promise<number> {
  let expired = 0;
  while (expired < batch) {
    const done = await sqlTransaction(db, async (tx) => {
      const due = await tx
        .selectFrom("approvals")
        .select("id")
        .where("status", "=", "pending")
        .where("expires_at", "<=", now)
        .orderBy("expires_at")
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (due) await closeApproval(tx, due.id, "expired", "system", now);
      return due ? 1 : 0;
    });
    if (done === 0) break;
    expired += done;
  }
  return expired;
}
