import { sql } from "kysely";
import type { Principal } from "@/lib/auth/principal";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { countIntentTransition } from "@/lib/counters/apply-counter-delta";
import type { Db } from "@/lib/db/client";
import { sqlTransaction } from "@/lib/db/sql";
import { notFound } from "@/lib/errors/app-error";
import type { IntentFacts } from "./write-decision";

/**
 * The submit's fallback when deciding failed: the intent alone, durable and `pending`, with its
 * audit row and counters, for the recovery sweep to decide. The insert takes the agent from the
 * caller's organisation or nothing (a 404): an intent for another organisation's agent, or for no
 * agent at all, is never stored, whatever made the decision fail. A second use of the
 * Idempotency-Key fails on the unique index, as the decision's insert does.
 */
export async function storePendingIntent(db: Db, principal: Principal, i: IntentFacts): Promise<void> {
  await sqlTransaction(db, async (tx) => {
    const { rows } = await sql<{ id: string }>`
      INSERT INTO intents (id, org_id, agent_id, api_key_id, submitted_by_user_id, amount, currency, reason, confidence,
        merchant, merchant_category, metadata, status, idempotency_key, request_hash, created_at, source, recurring)
      SELECT ${i.id}, a.org_id, a.id, ${i.apiKeyId}::text, ${i.submittedByUserId}::text, ${i.amount}::bigint, ${i.currency}, ${i.reason},
        ${i.confidence}::float8, ${i.merchant}::text, ${i.merchantCategory}::text, ${JSON.stringify(i.metadata)}::jsonb, 'pending',
        ${i.idempotencyKey}::text, ${i.requestHash}, ${i.createdAt}::timestamp, ${i.source ?? "api"}::"IntentSource", ${i.recurring ?? false}::boolean
      FROM agents a WHERE a.id = ${i.agentId}::uuid AND a.org_id = ${principal.orgId}
      RETURNING id`.execute(tx);
    const stored = rows[0];
    if (!stored) throw notFound("Agent");
    const data = { amount: i.amount, currency: i.currency, merchant: i.merchant };
    await recordAuditEvent(tx, { orgId: i.orgId, actor: principal, action: "intent.submitted", targetId: i.id, data, at: i.createdAt });
    await countIntentTransition(tx, i.id, { from: null, to: "pending", amount: i.amount, confidence: i.confidence });
  });
}
