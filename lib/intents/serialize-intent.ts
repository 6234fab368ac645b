import type { Prisma } from "@/lib/generated/prisma/client";
import { IntentSchema, type IntentDto } from "./intent-schemas";

/** What every intent read includes so it can be serialized. */
/** The approval's copies of intent facts are the inbox's business, not part of an intent. */
export const intentInclude = {
  decision: true,
  approval: { omit: { amount: true, submittedByUserId: true, keyCreatedByUserId: true } },
} satisfies Prisma.IntentInclude;
export type IntentRow = Prisma.IntentGetPayload<{ include: typeof intentInclude }>;

/**
 * What serializeIntent reads: a Prisma read (IntentRow) or the rows a decision just wrote
 * (writeDecision builds it from the very values it inserted).
 */
export type IntentView = {
  id: string;
  agentId: string;
  amount: bigint | number;
  currency: string;
  reason: string;
  confidence: number | null;
  merchant: string | null;
  merchantCategory: string | null;
  metadata: unknown;
  status: string;
  createdAt: Date;
  decidedAt: Date | null;
  capturedAmount: bigint | number | null;
  settlement: string | null;
  settledAt: Date | null;
  source?: string;
  recurring?: boolean;
  refundedAmount?: bigint | number;
  decision: {
    outcome: string;
    rule: string;
    reason: string;
    trace: unknown;
    budgets: unknown;
    riskLevel: string;
    policyVersion: number;
    createdAt: Date;
  } | null;
  approval: { id: string; status: string; expiresAt: Date } | null;
};

type Budgets = { daily: Window; monthly: Window };
type Window = { limit: number | null; spent: number; remaining: number | null; resetsAt: string; timeZone?: string };
// Decisions stored before organisations had time zones were made on UTC windows.
const window = (w: Window) => ({ limit: w.limit, spent: w.spent, remaining: w.remaining, resets_at: w.resetsAt, time_zone: w.timeZone ?? "UTC" });

/** The API shape of an intent; parsing through the schema drops anything internal. */
export function serializeIntent(row: IntentView): IntentDto {
  const d = row.decision;
  const budgets = d?.budgets as Budgets | undefined;
  return IntentSchema.parse({
    id: row.id,
    object: "intent",
    agent_id: row.agentId,
    amount: Number(row.amount),
    currency: row.currency,
    reason: row.reason,
    confidence: row.confidence,
    merchant: row.merchant,
    merchant_category: row.merchantCategory,
    metadata: (row.metadata ?? {}) as Record<string, unknown>,
    status: row.status,
    policy_decision: d
      ? {
          outcome: d.outcome,
          rule: d.rule,
          reason: d.reason,
          trace: d.trace,
          budgets: { daily: window(budgets!.daily), monthly: window(budgets!.monthly) },
          risk_level: d.riskLevel,
          policy_version: d.policyVersion,
          decided_at: d.createdAt.toISOString(),
        }
      : null,
    approval: row.approval ? { id: row.approval.id, status: row.approval.status, expires_at: row.approval.expiresAt.toISOString() } : null,
    created_at: row.createdAt.toISOString(),
    decided_at: row.decidedAt?.toISOString() ?? null,
    captured_amount: row.capturedAmount === null ? null : Number(row.capturedAmount),
    settlement: row.status === "approved" ? (row.settlement ?? "uncaptured") : null,
    settled_at: row.settledAt?.toISOString() ?? null,
    source: row.source ?? "api",
    recurring: row.recurring ?? false,
    refunded_amount: Number(row.refundedAmount ?? 0),
  });
}
