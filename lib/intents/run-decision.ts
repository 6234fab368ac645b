import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import type { Principal } from "@/lib/auth/principal";
import { riskFromActivity } from "@/lib/agents/risk/assess-agent-risk";
import type { Tx } from "@/lib/db/client";
import { newApprovalId, newId } from "@/lib/db/ids";
import { postLedgerEntry } from "@/lib/ledger/post-ledger-entry";
import { evaluatePolicy } from "@/lib/policies/engine";
import { shadowDecision } from "@/lib/policies/shadow/shadow-decision";
import { routeApproval } from "@/lib/approver-groups/route-approval";
import type { DecisionSettings } from "@/lib/policies/get-decision-settings";
import { approvalMessage } from "@/lib/notifications/approval-message";
import { notifyUsers } from "@/lib/notifications/notify-users";
import { enqueueEvent } from "@/lib/webhooks/enqueue-event";
import { intentDecidedData, intentSummary } from "@/lib/webhooks/event-data";
import type { IntentRow } from "./serialize-intent";
import { lockDecisionInputs } from "./lock-decision-inputs";
import { writeDecision, type ApprovalFacts, type IntentFacts } from "./write-decision";

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** Thrown inside the transaction to roll it back: another request already stored an intent with this Idempotency-Key. */
export class IdempotencyKeyTaken extends Error {}

export type DecisionSubject = {
  intent: IntentFacts;
  /**
   * A new intent: who submits it (the actor of its `intent.submitted` audit row); it is
   * inserted already decided. null: it was stored earlier as `pending` (the recovery sweep).
   */
  submittedBy: Principal | null;
};

/**
 * THE decision transaction, assembled in one place (work that must commit with a decision
 * belongs here). In order, on the caller's transaction:
 *   1. lock the agent, then read its wallet and counters      (2 statements)
 *   2. evaluate the policy                                     (in process, ~10 µs)
 *   3. write intent, decision, approval, counters, NOTIFY      (1 statement)
 *   4. move the money: debit or hold, with its ledger row      (1 statement; none on deny)
 *      and, for a person to decide, route it to an approver group (1 statement)
 *   5. audit rows                                              (1 statement)
 *   6. webhook outbox                                          (1 statement)
 *   7. approvers' notifications, when a person must decide     (1 statement)
 * Returns the intent as stored, or null when there was nothing to decide.
 */
export async function runDecision(tx: Tx, s: DecisionSubject, settings: DecisionSettings, at: Date): Promise<IntentRow | null> {
  const i = s.intent;
  const stored = s.submittedBy === null;
  const { policy, version, timeZone } = settings;
  const counted = stored && Math.floor(i.createdAt.getTime() / MINUTE_MS) > Math.floor(at.getTime() / MINUTE_MS) - 60;
  const inputs = await lockDecisionInputs(tx, { orgId: i.orgId, agentId: i.agentId, currency: i.currency, now: at, timeZone, alreadyCounted: counted });
  if (!inputs) return null; // the agent is gone: the submitter checked it, so only a stale leftover lands here
  const risk = riskFromActivity(
    { spend: new Map([[i.currency, { today: 0, month: inputs.usage.spentThisMonth }]]), recent: inputs.recent, counts: emptyCounts },
    inputs.agent,
    policy,
    i.currency,
    at,
    timeZone,
  );
  const input = {
    intent: { amount: i.amount, currency: i.currency, confidence: i.confidence, merchant: i.merchant, merchantCategory: i.merchantCategory },
    agent: { id: i.agentId, status: inputs.agent.status, riskLevel: risk.level },
    wallet: inputs.wallet,
    usage: inputs.usage,
    policy,
    now: at,
    timeZone,
    freeze: inputs.freeze,
  };
  const decision = evaluatePolicy(input);
  const shadow = shadowDecision(input, settings.shadow);
  const approval = decision.outcome === "require_approval" ? approvalFor(i.amount, settings, at) : null;
  const decisionId = newId("dec");
  const written = await writeDecision(tx, {
    intent: i,
    stored,
    decision,
    shadow,
    decisionId,
    riskLevel: risk.level,
    policyVersion: version,
    timeZone,
    approval,
    at,
  });
  if (!written) {
    if (stored) return null; // someone else decided it
    throw new IdempotencyKeyTaken();
  }

  const base = { orgId: i.orgId, walletId: inputs.wallet?.id ?? "", intentId: i.id, amount: i.amount, actor: "policy" };
  if (decision.outcome === "approve") await postLedgerEntry(tx, { ...base, kind: "debit", memo: `Spend approved by policy (${decision.rule})` });
  if (approval) await postLedgerEntry(tx, { ...base, kind: "hold", memo: "Held while a person decides" });
  const route = approval ? await routeApproval(tx, approval.id) : null;
  if (route) approval!.approvalsRequired = route.approvals_required;

  const decided = {
    orgId: i.orgId,
    actor: "system" as const,
    action: "intent.decided" as const,
    targetId: i.id,
    data: { outcome: decision.outcome, rule: decision.rule, reason: decision.reason, amount: i.amount, currency: i.currency },
    at,
  };
  await recordAuditEvents(tx, [
    ...(s.submittedBy === null
      ? []
      : [
          {
            orgId: i.orgId,
            actor: s.submittedBy,
            action: "intent.submitted" as const,
            targetId: i.id,
            data: { amount: i.amount, currency: i.currency, merchant: i.merchant },
            at: i.createdAt,
          },
        ]),
    decided,
    ...(approval
      ? [
          {
            orgId: i.orgId,
            actor: "system" as const,
            action: "approval.requested" as const,
            targetId: approval.id,
            data: {
              intent_id: i.id,
              required_role: approval.requiredRole,
              approvals_required: approval.approvalsRequired,
              group_id: route?.group_id ?? null,
              group_name: route?.group_name ?? null,
            },
            at,
          },
        ]
      : []),
  ]);

  if (approval) {
    const data = {
      approval: {
        id: approval.id,
        status: "pending",
        required_role: approval.requiredRole,
        approvals_required: approval.approvalsRequired,
        group_id: route?.group_id ?? null,
        expires_at: approval.expiresAt.toISOString(),
      },
      intent: { ...intentSummary(i), status: "pending_approval" },
      rule: decision.rule,
      reason: decision.reason,
    };
    await enqueueEvent(tx, { orgId: i.orgId, type: "approval.requested", data, at });
    const facts = {
      ...i,
      agentName: inputs.agent.name,
      intentId: i.id,
      rule: decision.rule,
      ruleReason: decision.reason,
      expiresAt: approval.expiresAt,
      approvalsRequired: approval.approvalsRequired,
    };
    await notifyUsers(tx, {
      ...approvalMessage(facts, "approval_requested"),
      orgId: i.orgId,
      kind: "approval_requested",
      subjectId: approval.id,
      audience: approval.requiredRole === "admin" ? "admin" : "approver",
      excludeUserId: i.submittedByUserId,
      groupId: route?.group_id ?? null,
      at,
    });
  } else {
    const status = decision.outcome === "approve" ? "approved" : "denied";
    const data = intentDecidedData(i, { status, decidedAt: at, decidedBy: "policy", rule: decision.rule, reason: decision.reason });
    await enqueueEvent(tx, { orgId: i.orgId, type: "intent.decided", data, at });
  }
  return storedRow(i, decision, shadow, decisionId, risk.level, version, approval && { ...approval, groupId: route?.group_id ?? null }, at);
}

const emptyCounts = { pending: 0, pending_approval: 0, approved: 0, denied: 0, expired: 0 };

function approvalFor(amount: number, { policy }: DecisionSettings, at: Date): ApprovalFacts {
  const { adminThreshold, dualApprovalThreshold, expiryHours } = policy.approvals;
  return {
    id: newApprovalId(),
    requiredRole: adminThreshold !== null && amount > adminThreshold ? "admin" : "approver",
    approvalsRequired: dualApprovalThreshold !== null && amount > dualApprovalThreshold ? 2 : 1,
    expiresAt: new Date(at.getTime() + expiryHours * HOUR_MS),
  };
}

/** The rows as the statement above wrote them, so the answer needs no read-back. */
function storedRow(
  i: IntentFacts,
  d: ReturnType<typeof evaluatePolicy>,
  shadow: ReturnType<typeof shadowDecision>,
  decisionId: string,
  riskLevel: IntentRow["decision"] extends infer D ? (D extends { riskLevel: infer R } ? R : never) : never,
  policyVersion: number,
  approval: (ApprovalFacts & { groupId: string | null }) | null,
  at: Date,
): IntentRow {
  const status = d.outcome === "approve" ? "approved" : d.outcome === "deny" ? "denied" : "pending_approval";
  return {
    ...i,
    amount: BigInt(i.amount),
    metadata: i.metadata as IntentRow["metadata"],
    status,
    decidedAt: status === "pending_approval" ? null : at,
    capturedAmount: null,
    settlement: null,
    settledAt: null,
    decision: {
      id: decisionId,
      intentId: i.id,
      outcome: d.outcome,
      rule: d.rule,
      reason: d.reason,
      trace: d.trace as unknown as IntentRow["metadata"],
      budgets: d.budgets as unknown as IntentRow["metadata"],
      riskLevel,
      policyVersion,
      createdAt: at,
      ...shadow,
    },
    approval: approval && {
      ...approval,
      orgId: i.orgId,
      intentId: i.id,
      status: "pending",
      createdAt: at,
      resolvedAt: null,
      escalatedAt: null,
    },
  };
}
