import { sql } from "kysely";
import type { Principal } from "@/lib/auth/principal";
import { auditInsert, type AuditInput } from "@/lib/audit/record-audit-event";
import type { AuditAction } from "@/lib/audit/audit-actions";
import { commitWith, sqlBuilder, type SqlTx } from "@/lib/db/sql";
import { AppError } from "@/lib/errors/app-error";
import { counterDelta } from "@/lib/counters/counter-delta";
import { upsertDayCountersSql, upsertMinuteCountersSql, upsertSpendDimensionsSql } from "@/lib/counters/counter-sql";
import { intentChangedSql } from "@/lib/events/intent-events";
import { ledgerCtes, ledgerResultSql, type LedgerInput, type LedgerResult } from "@/lib/ledger/post-ledger-entry";
import { notifyUsersSql, type NotificationMessage } from "@/lib/notifications/notify-users";
import type { Decision, RiskLevel } from "@/lib/policies/engine/types";
import type { shadowDecision } from "@/lib/policies/shadow/shadow-decision";
import { outboxCtes, type OutboxEvent } from "@/lib/webhooks/enqueue-event";
import { STATUS_OF_OUTCOME } from "./intent-status";
import type { IntentView } from "./serialize-intent";

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
  /** Where it came from (default api) and whether it covers several card authorizations (default no). */
  source?: "api" | "mcp" | "card";
  recurring?: boolean;
};

/**
 * What is decided: a new intent, inserted already decided by this transaction (submittedBy is
 * the actor of its `intent.submitted` audit row), or one stored earlier as `pending` (the
 * submit's fallback) that the recovery sweep claimed. The two differ only in how the intent
 * row is written and counted (writeDecision) and in that audit row.
 */
export type DecisionSubject = { kind: "new"; intent: IntentFacts; submittedBy: Principal } | { kind: "pending"; intent: IntentFacts };

/** The approval request opened for a person to decide, as routed (group and quorum applied). */
export type ApprovalFacts = { id: string; requiredRole: "admin" | "approver"; approvalsRequired: number; groupId: string | null; expiresAt: Date };

type AnyAudit = { [A in AuditAction]: AuditInput<A> }[AuditAction];

export type DecisionWrite = {
  subject: DecisionSubject;
  decision: Decision;
  /** What the shadow draft would have decided (all null without one), recorded beside it. */
  shadow: ReturnType<typeof shadowDecision>;
  decisionId: string;
  riskLevel: RiskLevel;
  policyVersion: number;
  timeZone: string;
  at: Date;
  approval: ApprovalFacts | null;
  /** The debit (approved) or hold (sent to a person); none on a denial. */
  move: LedgerInput | null;
  audit: AnyAudit[];
  outbox: OutboxEvent;
  notify: NotificationMessage | null;
  /**
   * Send COMMIT with the statement (one round trip fewer): only when nothing may follow it in the
   * transaction (runDecision: no low-balance alert can be due).
   */
  commit: boolean;
};

/** What the statement raises when the wallet refused its money move: nothing of it commits. */
const REFUSED = "aegis:money_move_refused";

/**
 * The decision's writes in ONE statement: the intent (inserted decided, or its pending row
 * updated), the policy decision, the approval request, the day and minute counters, the money
 * move with its ledger row, the audit rows, the webhook outbox, the approvers' notifications,
 * and the NOTIFY that wakes long-polls. A second use of an Idempotency-Key fails the statement
 * on the unique index (the caller replays the first intent); a money move the wallet refuses
 * fails it too (409), so COMMIT may travel with it. Returns the intent as written (the API's
 * answer needs no read-back) and the wallet after the money move.
 */
export async function writeDecision(tx: SqlTx, w: DecisionWrite): Promise<{ view: IntentView; move: LedgerResult | null }> {
  const i = w.subject.intent;
  const status = STATUS_OF_OUTCOME[w.decision.outcome];
  const decidedAt = status === "pending_approval" ? null : w.at;
  const fresh = w.subject.kind === "new";
  const intentRow = fresh
    ? sqlBuilder
        .insertInto("intents")
        .values({
          id: i.id,
          org_id: i.orgId,
          agent_id: i.agentId,
          api_key_id: i.apiKeyId,
          submitted_by_user_id: i.submittedByUserId,
          amount: i.amount,
          currency: i.currency,
          reason: i.reason,
          confidence: i.confidence,
          merchant: i.merchant,
          merchant_category: i.merchantCategory,
          metadata: JSON.stringify(i.metadata),
          status,
          idempotency_key: i.idempotencyKey,
          request_hash: i.requestHash,
          created_at: i.createdAt,
          decided_at: decidedAt,
          source: i.source ?? "api",
          recurring: i.recurring ?? false,
        })
        .returning("id")
    : sqlBuilder.updateTable("intents").set({ status, decided_at: decidedAt }).where("id", "=", i.id).where("status", "=", "pending").returning("id");
  const d = w.decision;
  const decisionRow = {
    id: w.decisionId,
    intent_id: i.id,
    outcome: d.outcome,
    rule: d.rule,
    reason: d.reason,
    trace: JSON.stringify(d.trace),
    budgets: JSON.stringify(d.budgets),
    risk_level: w.riskLevel,
    policy_version: w.policyVersion,
    created_at: w.at,
    shadow_policy_id: w.shadow.shadowPolicyId,
    shadow_outcome: w.shadow.shadowOutcome,
    shadow_rule: w.shadow.shadowRule,
    shadow_reason: w.shadow.shadowReason,
  };
  const a = w.approval;
  const approvalRow = a && {
    id: a.id,
    org_id: i.orgId,
    intent_id: i.id,
    status: "pending" as const,
    required_role: a.requiredRole,
    approvals_required: a.approvalsRequired,
    group_id: a.groupId,
    expires_at: a.expiresAt,
    created_at: w.at,
    amount: i.amount,
    submitted_by_user_id: i.submittedByUserId,
    key_created_by_user_id: sql<string | null>`(SELECT created_by_user_id FROM api_keys WHERE id = ${i.apiKeyId}::text)`,
  };
  const delta = counterDelta({ from: fresh ? null : "pending", to: status, amount: i.amount, confidence: i.confidence });
  const source = sql`SELECT ${i.agentId}::uuid AS agent_id, ${i.currency}::text AS currency, ${i.createdAt}::timestamp AS created_at,
    ${i.orgId}::text AS org_id, ${w.timeZone}::text AS time_zone, ${i.merchant}::text AS merchant, ${i.merchantCategory}::text AS merchant_category`;
  const ctes = [
    sql`intent AS (${intentRow})`,
    sql`decision AS (${sqlBuilder.insertInto("policy_decisions").values(decisionRow)})`,
    approvalRow && sql`approval AS (${sqlBuilder.insertInto("approvals").values(approvalRow)})`,
    sql`day AS (${upsertDayCountersSql(source, delta)})`,
    delta.spent !== 0 && sql`dims AS (${upsertSpendDimensionsSql(source, delta.spent)})`,
    fresh && sql`minute AS (${upsertMinuteCountersSql(source)})`,
    w.move && ledgerCtes("move", w.move),
    sql`audit AS (${auditInsert(w.audit)})`,
    outboxCtes("outbox", w.outbox),
    w.notify && sql`notify AS (${notifyUsersSql(w.notify)})`,
  ].filter((c) => c !== null && c !== false);
  const statement = sql<{ written: number; move: LedgerResult | null }>`
    WITH ${sql.join(ctes)}
    SELECT (SELECT count(*) FROM intent)::int AS written, ${w.move ? ledgerResultSql("move") : sql`NULL AS move`},
      ${w.move ? sql`CASE WHEN NOT EXISTS (SELECT 1 FROM move_l) THEN aegis_refuse(${REFUSED}) END` : sql`NULL`} AS refused,
      (SELECT ${intentChangedSql(sql`id`)} FROM intent) AS note`;
  let rows;
  try {
    rows = w.commit ? await commitWith(tx, statement) : (await statement.execute(tx)).rows;
  } catch (e) {
    if ((e as { message?: string }).message === REFUSED) throw new AppError("conflict", "Insufficient available balance");
    throw e;
  }
  if (rows[0].written !== 1) throw new Error(`intent ${i.id} was not pending any more`); // the claim under lock rules this out
  const view: IntentView = {
    id: i.id,
    agentId: i.agentId,
    amount: i.amount,
    currency: i.currency,
    reason: i.reason,
    confidence: i.confidence,
    merchant: i.merchant,
    merchantCategory: i.merchantCategory,
    metadata: i.metadata,
    status,
    createdAt: i.createdAt,
    decidedAt,
    capturedAmount: null,
    settlement: null,
    settledAt: null,
    source: i.source ?? "api",
    recurring: i.recurring ?? false,
    decision: {
      outcome: d.outcome,
      rule: d.rule,
      reason: d.reason,
      trace: d.trace,
      budgets: d.budgets,
      riskLevel: w.riskLevel,
      policyVersion: w.policyVersion,
      createdAt: w.at,
    },
    approval: approvalRow && { id: approvalRow.id, status: approvalRow.status, expiresAt: approvalRow.expires_at },
  };
  return { view, move: rows[0].move };
}
