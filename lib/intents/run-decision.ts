import { riskFromActivity } from "@/lib/agents/risk/assess-agent-risk";
import type { SqlTx } from "@/lib/db/sql";
import { newApprovalId, newId } from "@/lib/db/ids";
import { ledgerMoved, lowBalanceCrossed, lowBalanceFacts, type LedgerInput } from "@/lib/ledger/post-ledger-entry";
import { evaluatePolicy } from "@/lib/policies/engine";
import type { Decision } from "@/lib/policies/engine/types";
import { shadowDecision } from "@/lib/policies/shadow/shadow-decision";
import { routeApproval } from "@/lib/approver-groups/route-approval";
import type { DecisionSettings } from "@/lib/policies/get-decision-settings";
import { approvalMessage } from "@/lib/notifications/approval-message";
import { alertLowBalance } from "@/lib/wallets/alert-low-balance";
import { intentDecidedData, intentSummary } from "@/lib/webhooks/event-data";
import { lockDecisionInputs, type DecisionInputs } from "./lock-decision-inputs";
import type { IntentView } from "./serialize-intent";
import { writeDecision, type ApprovalFacts, type DecisionSubject, type DecisionWrite, type IntentFacts } from "./write-decision";

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/**
 * THE decision transaction, assembled in one place (work that must commit with a decision
 * belongs here). In order, on the caller's transaction:
 *   1. lock the agent (and check it is the organisation's), then read its wallet, freezes and counters
 *   2. evaluate the policy (in process)
 *   3. for a person to decide: the approver group it routes to          (1 statement, that path only)
 *   4. write everything in one statement (writeDecision): intent, decision, approval, counters,
 *      the debit or hold with its ledger row, audit rows, webhook outbox, notifications, NOTIFY,
 *      sent with COMMIT unless a low-balance alert may be due
 *   5. on a low-balance crossing only: its webhook event and notifications, then COMMIT
 * On PostgreSQL that is two round trips for an approval or a denial: BEGIN + lock + read, and
 * write + COMMIT (three when a person must decide: the route).
 * Returns the intent as written, or null when the agent is not the organisation's.
 */
export async function runDecision(
  tx: SqlTx,
  s: DecisionSubject,
  settings: DecisionSettings,
  at: Date,
  options: { keepOpen?: boolean } = {},
): Promise<IntentView | null> {
  const i = s.intent;
  const { policy, version, timeZone, currency: policyCurrency } = settings;
  // A stored intent is already in its minute's velocity bucket; do not count it against itself.
  const counted = s.kind === "pending" && Math.floor(i.createdAt.getTime() / MINUTE_MS) > Math.floor(at.getTime() / MINUTE_MS) - 60;
  const inputs = await lockDecisionInputs(tx, { orgId: i.orgId, agentId: i.agentId, currency: i.currency, now: at, timeZone, alreadyCounted: counted });
  if (!inputs) return null;
  const risk = riskFromActivity(inputs.activity, inputs.agent, policy, i.currency, at, timeZone);
  const spend = inputs.activity.spend.get(i.currency) ?? { today: 0, month: 0 };
  const input = {
    intent: { amount: i.amount, currency: i.currency, confidence: i.confidence, merchant: i.merchant, merchantCategory: i.merchantCategory },
    agent: { id: i.agentId, status: inputs.agent.status, riskLevel: risk.level },
    wallet: inputs.wallet,
    usage: { spentToday: spend.today, spentThisMonth: spend.month, intentsLastHour: inputs.intentsLastHour },
    policy,
    policyCurrency,
    now: at,
    timeZone,
    freeze: inputs.freeze,
  };
  const decision = evaluatePolicy(input);
  const approval = decision.outcome === "require_approval" ? await openApproval(tx, i, settings, at) : null;
  const move: LedgerInput | null =
    decision.outcome === "deny"
      ? null
      : {
          orgId: i.orgId,
          walletId: inputs.wallet?.id ?? "", // no wallet: the guarded update moves nothing and the decision fails
          intentId: i.id,
          amount: i.amount,
          actor: "policy",
          ...(approval ? { kind: "hold", memo: "Held while a person decides" } : { kind: "debit", memo: `Spend approved by policy (${decision.rule})` }),
        };
  // keepOpen: the caller writes more in this transaction (a card authorization's answer) before it commits.
  const commit = !options.keepOpen && !lowBalanceAlertPossible(inputs.wallet, move);
  const { view, move: moved } = await writeDecision(tx, {
    subject: s,
    decision,
    shadow: shadowDecision(input, settings.shadow),
    decisionId: newId("dec"),
    riskLevel: risk.level,
    policyVersion: version,
    timeZone,
    at,
    approval,
    move,
    ...announcements(s, decision, approval, inputs.agent.name, at),
    commit,
  });
  // Committed already: nothing may follow (and no alert can be due). Otherwise the alert, if the
  // move crossed the threshold, joins the transaction before it commits.
  if (move && !commit) {
    const r = ledgerMoved(move, moved);
    if (lowBalanceCrossed(move, r)) await alertLowBalance(tx, lowBalanceFacts(move, r));
  }
  return view;
}

/**
 * Whether this move could take the wallet below its low-balance threshold. Under the agent's lock
 * `available` can only rise meanwhile (credits, reversals, releases), so if the wallet as read
 * stays at or above the threshold after the move, no alert can be due and the write may commit
 * at once; otherwise the alert is decided on the row the write returns, before COMMIT.
 */
function lowBalanceAlertPossible(wallet: DecisionInputs["wallet"], move: LedgerInput | null): boolean {
  if (!move || !wallet || wallet.lowBalanceThreshold === null) return false;
  return wallet.balance - wallet.held - move.amount < wallet.lowBalanceThreshold;
}

async function openApproval(tx: SqlTx, i: IntentFacts, { policy }: DecisionSettings, at: Date): Promise<ApprovalFacts & { groupName: string | null }> {
  const { adminThreshold, dualApprovalThreshold, expiryHours } = policy.approvals;
  const route = await routeApproval(tx, i);
  const required = dualApprovalThreshold !== null && i.amount > dualApprovalThreshold ? 2 : 1;
  return {
    id: newApprovalId(),
    requiredRole: adminThreshold !== null && i.amount > adminThreshold ? "admin" : "approver",
    approvalsRequired: Math.max(required, route?.quorum ?? 0),
    groupId: route?.id ?? null,
    groupName: route?.name ?? null,
    expiresAt: new Date(at.getTime() + expiryHours * HOUR_MS),
  };
}

/** The decision's audit rows, its webhook event and, for a person to decide, the approvers' notifications. */
function announcements(
  s: DecisionSubject,
  decision: Decision,
  approval: (ApprovalFacts & { groupName: string | null }) | null,
  agentName: string,
  at: Date,
): Pick<DecisionWrite, "audit" | "outbox" | "notify"> {
  const i = s.intent;
  const summaryRow = {
    id: i.id,
    agent_id: i.agentId,
    amount: i.amount,
    currency: i.currency,
    reason: i.reason,
    merchant: i.merchant,
    merchant_category: i.merchantCategory,
  };
  const submitted = { amount: i.amount, currency: i.currency, merchant: i.merchant };
  const audit: DecisionWrite["audit"] = [
    ...(s.kind === "new"
      ? [{ orgId: i.orgId, actor: s.submittedBy, action: "intent.submitted" as const, targetId: i.id, data: submitted, at: i.createdAt }]
      : []),
    {
      orgId: i.orgId,
      actor: "system",
      action: "intent.decided",
      targetId: i.id,
      data: { outcome: decision.outcome, rule: decision.rule, reason: decision.reason, amount: i.amount, currency: i.currency },
      at,
    },
  ];
  if (!approval) {
    const status = decision.outcome === "approve" ? "approved" : "denied";
    const data = intentDecidedData(summaryRow, { status, decidedAt: at, decidedBy: "policy", rule: decision.rule, reason: decision.reason });
    return { audit, outbox: { orgId: i.orgId, type: "intent.decided", data, at }, notify: null };
  }
  audit.push({
    orgId: i.orgId,
    actor: "system",
    action: "approval.requested",
    targetId: approval.id,
    data: {
      intent_id: i.id,
      required_role: approval.requiredRole,
      approvals_required: approval.approvalsRequired,
      group_id: approval.groupId,
      group_name: approval.groupName,
    },
    at,
  });
  const requested = {
    approval: {
      id: approval.id,
      status: "pending",
      required_role: approval.requiredRole,
      approvals_required: approval.approvalsRequired,
      group_id: approval.groupId,
      expires_at: approval.expiresAt.toISOString(),
    },
    intent: { ...intentSummary(summaryRow), status: "pending_approval" },
    rule: decision.rule,
    reason: decision.reason,
  };
  const facts = {
    ...i,
    agentName,
    intentId: i.id,
    rule: decision.rule,
    ruleReason: decision.reason,
    expiresAt: approval.expiresAt,
    approvalsRequired: approval.approvalsRequired,
  };
  return {
    audit,
    outbox: { orgId: i.orgId, type: "approval.requested", data: requested, at },
    notify: {
      ...approvalMessage(facts, "approval_requested"),
      orgId: i.orgId,
      kind: "approval_requested",
      subjectId: approval.id,
      audience: approval.requiredRole === "admin" ? "admin" : "approver",
      excludeUserId: i.submittedByUserId,
      groupId: approval.groupId,
      at,
    },
  };
}
