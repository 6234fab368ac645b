import type { Actor } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import { sqlTransaction } from "@/lib/db/sql";
import { closeApproval } from "./close-approval";

/**
 * Rejects every pending approval of one agent (suspension's "reject pending"), releasing the
 * holds, in one transaction. Rows are locked approval first, as answering does, and ones
 * another transaction is answering right now are skipped, never answered twice.
 */
export async function rejectPendingApprovals(db: Db, actor: Actor, orgId: string, agentId: string, at = new Date()): Promise<number> {
  return sqlTransaction(db, async (tx) => {
    const due = await tx
      .selectFrom("approvals as a")
      .innerJoin("intents as i", "i.id", "a.intent_id")
      .select("a.id")
      .where("a.org_id", "=", orgId)
      .where("i.agent_id", "=", agentId)
      .where("a.status", "=", "pending")
      .orderBy("a.created_at")
      .forUpdate("a")
      .skipLocked()
      .execute();
    for (const { id } of due) await closeApproval(tx, id, "rejected", actor, at);
    return due.length;
  });
}
