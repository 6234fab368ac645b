import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { countedStatus } from "@/lib/counters/counted-status";
import { counterDelta } from "@/lib/counters/counter-delta";
import { upsertDayCountersSql, upsertMinuteCountersSql } from "@/lib/counters/counter-sql";
import type { Decision, RiskLevel } from "@/lib/policies/engine/types";
import type { shadowDecision } from "@/lib/policies/shadow/shadow-decision";

export type IntentFacts = {
  id: string;
  orgId: string;
  agentId: string;
  apiKeyId: string | null;
  submittedByUserId: string | null;
  amount: number;
  currency: string;
  reason: string;
  confidence: number | null;
  merchant: string | null;
  merchantCategory: string | null;
  metadata: Record<string, unknown>;
  idempotencyKey: string | null;
  requestHash: string;
  createdAt: Date;
};

export type ApprovalFacts = { id: string; requiredRole: "admin" | "approver"; approvalsRequired: number; expiresAt: Date };

export type DecisionWrite = {
  intent: IntentFacts;
  /** true: the intent is already stored as `pending` (recovery); false: it is inserted here, decided. */
  stored: boolean;
  decision: Decision;
  /** What the shadow draft would have decided (all null without one), recorded beside it. */
  shadow: ReturnType<typeof shadowDecision>;
  decisionId: string;
  riskLevel: RiskLevel;
  policyVersion: number;
  timeZone: string;
  approval: ApprovalFacts | null;
  at: Date;
};

/** What the statement needs of the intent row it wrote (counters, and the approval's copy of who submitted it). */
const RETURNED = Prisma.sql`id, agent_id, currency, created_at, org_id, api_key_id, submitted_by_user_id`;

const STATUS = { approve: "approved", deny: "denied", require_approval: "pending_approval" } as const;

/**
 * The decision's own rows in ONE statement: the intent (inserted already decided, or its
 * pending row updated), the policy decision, the approval request, the day and minute
 * counters, and the NOTIFY that wakes long-polls. Returns false when no intent row was
 * written: an Idempotency-Key already used (insert) or the intent no longer pending (update).
 */
export async function writeDecision(tx: Tx, w: DecisionWrite): Promise<boolean> {
  const i = w.intent;
  const status = STATUS[w.decision.outcome];
  const decidedAt = status === "pending_approval" ? null : w.at;
  const intentRow = w.stored
    ? Prisma.sql`UPDATE intents SET status = ${status}::"IntentStatus", decided_at = ${decidedAt}
        WHERE id = ${i.id} AND status = 'pending' RETURNING ${RETURNED}`
    : Prisma.sql`INSERT INTO intents (id, org_id, agent_id, api_key_id, submitted_by_user_id, amount, currency, reason, confidence,
          merchant, merchant_category, metadata, status, idempotency_key, request_hash, created_at, decided_at)
        VALUES (${i.id}, ${i.orgId}, ${i.agentId}::uuid, ${i.apiKeyId}, ${i.submittedByUserId}, ${BigInt(i.amount)}, ${i.currency}, ${i.reason},
          ${i.confidence}, ${i.merchant}, ${i.merchantCategory}, ${JSON.stringify(i.metadata)}::jsonb, ${status}::"IntentStatus",
          ${i.idempotencyKey}, ${i.requestHash}, ${i.createdAt}, ${decidedAt})
        ON CONFLICT (api_key_id, idempotency_key) DO NOTHING
        RETURNING ${RETURNED}`;
  const d = w.decision;
  const a = w.approval;
  const delta = counterDelta({ from: w.stored ? "pending" : null, to: countedStatus(status), amount: i.amount, confidence: i.confidence });
  const source = Prisma.sql`SELECT agent_id, currency, created_at, org_id, ${w.timeZone}::text AS time_zone FROM ins`;
  const [row] = await tx.$queryRaw<{ written: number }[]>`
    WITH ins AS (${intentRow}),
    dec AS (
      INSERT INTO policy_decisions (id, intent_id, outcome, rule, reason, trace, budgets, risk_level, policy_version, created_at,
        shadow_policy_id, shadow_outcome, shadow_rule, shadow_reason)
      SELECT ${w.decisionId}, ins.id, ${d.outcome}::"DecisionOutcome", ${d.rule}, ${d.reason}, ${JSON.stringify(d.trace)}::jsonb,
        ${JSON.stringify(d.budgets)}::jsonb, ${w.riskLevel}::"RiskLevel", ${w.policyVersion}, ${w.at},
        ${w.shadow.shadowPolicyId}, ${w.shadow.shadowOutcome}::"DecisionOutcome", ${w.shadow.shadowRule}, ${w.shadow.shadowReason} FROM ins
    ),
    apr AS (
      INSERT INTO approvals (id, org_id, intent_id, status, required_role, approvals_required, expires_at, created_at,
        amount, submitted_by_user_id, key_created_by_user_id)
      SELECT ${a?.id ?? ""}, ins.org_id, ins.id, 'pending', ${a?.requiredRole ?? "approver"}::"Role", ${a?.approvalsRequired ?? 1},
        ${a?.expiresAt ?? w.at}, ${w.at}, ${BigInt(i.amount)}, ins.submitted_by_user_id,
        (SELECT k.created_by_user_id FROM api_keys k WHERE k.id = ins.api_key_id)
      FROM ins WHERE ${a !== null}
    ),
    day AS (${upsertDayCountersSql(source, delta)}),
    ${w.stored ? Prisma.empty : Prisma.sql`minute AS (${upsertMinuteCountersSql(source)}),`}
    note AS (SELECT pg_notify('aegis_intent_changed', id) FROM ins)
    SELECT (SELECT count(*) FROM note)::int AS written`;
  return row.written === 1;
}
