import type { Actor } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import { settleApproval } from "./settle-approval";

/**
 * Rejects every pending approval of one agent (suspension's "reject pending"), releasing the
 * holds, in one transaction. Rows are locked approval first, as answering does, and ones
 * another transaction is answering right now are skipped, never answered twice.
 */
export async function rejectPendingApprovals(db: Db, actor: Actor, orgId: string, agentId: string, at = new Date()): Promise<number> {
  return db.$transaction(async (tx) => {
    const due = await tx.$queryRaw<{ id: string }[]>`
      SELECT a.id FROM approvals a JOIN intents i ON i.id = a.intent_id
      WHERE a.org_id = ${orgId} AND i.agent_id = ${agentId}::uuid AND a.status = 'pending'
      ORDER BY a.created_at FOR UPDATE OF a SKIP LOCKED`;
    for (const { id } of due) await settleApproval(tx, id, "rejected", actor, at);
    return due.length;
  });
}
