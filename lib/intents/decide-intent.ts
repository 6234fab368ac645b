import type { Db } from "@/lib/db/client";
import { sqlOf, sqlTransaction } from "@/lib/db/sql";
import { getDecisionSettings } from "@/lib/policies/get-decision-settings";
import { runDecision } from "./run-decision";

/**
 * Decides one intent stored as `pending` (the recovery sweep's path; a new submit decides in
 * the transaction that inserts it). The intent row is claimed with FOR UPDATE SKIP LOCKED
 * and runDecision locks the agent row, so any instance's sweep and a late submitter never
 * decide the same intent twice, and one agent's intents see each other's spend.
 * Returns false when there was nothing to decide (already decided, or being decided).
 */
export async function decideIntent(db: Db, intentId: string, now = () => new Date()): Promise<boolean> {
  const head = await sqlOf(db).selectFrom("intents").select("org_id").where("id", "=", intentId).where("status", "=", "pending").executeTakeFirst();
  if (!head) return false;
  const settings = await getDecisionSettings(db, head.org_id);
  return sqlTransaction(db, async (tx) => {
    const row = await tx
      .selectFrom("intents")
      .selectAll()
      .where("id", "=", intentId)
      .where("status", "=", "pending")
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (!row) return false;
    const intent = {
      id: row.id,
      orgId: row.org_id,
      agentId: row.agent_id,
      apiKeyId: row.api_key_id,
      submittedByUserId: row.submitted_by_user_id,
      amount: row.amount,
      currency: row.currency,
      reason: row.reason,
      confidence: row.confidence,
      merchant: row.merchant,
      merchantCategory: row.merchant_category,
      metadata: (row.metadata ?? {}) as Record<string, unknown>,
      idempotencyKey: row.idempotency_key,
      requestHash: row.request_hash,
      createdAt: row.created_at,
      source: row.source,
      recurring: row.recurring,
    };
    return (await runDecision(tx, { kind: "pending", intent }, settings, now())) !== null;
  });
}
