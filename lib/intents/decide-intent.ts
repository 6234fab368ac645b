import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assessAgentRisk } from "@/lib/agents/risk/assess-agent-risk";
import type { Db, Tx } from "@/lib/db/client";
import { newApprovalId, newId } from "@/lib/db/ids";
import { routeApproval } from "@/lib/approver-groups/route-approval";
import { notifyIntentChanged } from "@/lib/events/intent-events";
import { postLedgerEntry } from "@/lib/ledger/post-ledger-entry";
import { getDecisionPolicies } from "@/lib/policies/get-decision-policies";
import { shadowDecision } from "@/lib/policies/shadow/shadow-decision";
import { activeFreeze, FREEZE_COLUMNS } from "@/lib/organizations/active-freeze";
import { evaluatePolicy } from "@/lib/policies/engine";
import type { Decision, Policy } from "@/lib/policies/engine/types";
import type { Prisma } from "@/lib/generated/prisma/client";
import { approvalMessage } from "@/lib/notifications/approval-message";
import { notifyUsers } from "@/lib/notifications/notify-users";
import { enqueueEvent } from "@/lib/webhooks/enqueue-event";
import { intentDecidedData, intentSummary } from "@/lib/webhooks/event-data";

const HOUR_MS = 3_600_000;

/**
 * Decides one pending intent and applies the outcome, all in one transaction:
 * approve → debit the wallet; require_approval → hold the amount and open an approval;
 * deny → nothing moves. The intent row is claimed with FOR UPDATE SKIP LOCKED and the
 * agent row locked, so the submitter and any instance's recovery pass never decide the
 * same intent twice, and concurrent intents of one agent see each other's spend.
 * Returns false when there was nothing to decide (already decided, or being decided).
 */
export async function decideIntent(db: Db, intentId: string, now = () => new Date()): Promise<boolean> {
  return db.$transaction(
    async (tx) => {
      const claimed = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM intents WHERE id = ${intentId} AND status = 'pending' FOR UPDATE SKIP LOCKED`;
      if (claimed.length === 0) return false;
      const intent = await tx.intent.findUniqueOrThrow({ where: { id: intentId } });
      await tx.$queryRaw`SELECT id FROM agents WHERE id = ${intent.agentId}::uuid FOR UPDATE`;
      const agent = await tx.agent.findUniqueOrThrow({ where: { id: intent.agentId }, include: { org: { select: FREEZE_COLUMNS } } });
      const wallet = await tx.wallet.findUnique({ where: { agentId_currency: { agentId: agent.id, currency: intent.currency } } });
      const { policy, version, timeZone, shadow } = await getDecisionPolicies(tx, intent.orgId);
      const at = now();
      const { activity, risk } = await assessAgentRisk(tx, agent, policy, intent.currency, at, timeZone, intent.id);
      const input = {
        intent: {
          amount: Number(intent.amount),
          currency: intent.currency,
          confidence: intent.confidence,
          merchant: intent.merchant,
          merchantCategory: intent.merchantCategory,
        },
        agent: { id: agent.id, status: agent.status, riskLevel: risk.level },
        wallet: wallet ? { currency: wallet.currency, balance: Number(wallet.balance), held: Number(wallet.held) } : null,
        usage: { spentToday: activity.spentToday, spentThisMonth: activity.spentThisMonth, intentsLastHour: activity.intentsLastHour },
        policy,
        now: at,
        timeZone,
        freeze: activeFreeze(agent.org, agent),
      };
      const decision = evaluatePolicy(input);
      await applyDecision(tx, { ...intent, agentName: agent.name }, wallet?.id ?? null, decision, policy, at);
      await tx.policyDecision.create({
        data: {
          id: newId("dec"),
          intentId: intent.id,
          outcome: decision.outcome,
          rule: decision.rule,
          reason: decision.reason,
          trace: decision.trace as unknown as Prisma.InputJsonValue,
          budgets: decision.budgets as unknown as Prisma.InputJsonValue,
          riskLevel: risk.level,
          policyVersion: version,
          createdAt: at,
          ...shadowDecision(input, shadow),
        },
      });
      await recordAuditEvent(tx, {
        orgId: intent.orgId,
        actor: "system",
        action: "intent.decided",
        targetId: intent.id,
        data: { outcome: decision.outcome, rule: decision.rule, reason: decision.reason, amount: Number(intent.amount), currency: intent.currency },
      });
      await notifyIntentChanged(tx, intent.id);
      return true;
    },
    { timeout: 15_000, maxWait: 10_000 },
  );
}

type IntentFacts = Parameters<typeof intentSummary>[0] & { orgId: string; submittedByUserId: string | null; agentName: string };

async function applyDecision(tx: Tx, intent: IntentFacts, walletId: string | null, decision: Decision, policy: Policy, at: Date) {
  const amount = Number(intent.amount);
  const base = { orgId: intent.orgId, intentId: intent.id, amount, actor: "policy" };
  if (decision.outcome !== "require_approval") {
    const status = decision.outcome === "approve" ? "approved" : "denied";
    if (status === "approved") await postLedgerEntry(tx, { ...base, walletId: walletId!, kind: "debit", memo: `Spend approved by policy (${decision.rule})` });
    await tx.intent.update({ where: { id: intent.id }, data: { status, decidedAt: at } });
    const data = intentDecidedData(intent, { status, decidedAt: at, decidedBy: "policy", rule: decision.rule, reason: decision.reason });
    await enqueueEvent(tx, { orgId: intent.orgId, type: "intent.decided", data, at });
  } else {
    await postLedgerEntry(tx, { ...base, walletId: walletId!, kind: "hold", memo: "Held while a person decides" });
    const { adminThreshold, dualApprovalThreshold, expiryHours } = policy.approvals;
    const approval = await tx.approval.create({
      data: {
        id: newApprovalId(),
        orgId: intent.orgId,
        intentId: intent.id,
        requiredRole: adminThreshold !== null && amount > adminThreshold ? "admin" : "approver",
        approvalsRequired: dualApprovalThreshold !== null && amount > dualApprovalThreshold ? 2 : 1,
        expiresAt: new Date(at.getTime() + expiryHours * HOUR_MS),
        createdAt: at,
      },
    });
    await tx.intent.update({ where: { id: intent.id }, data: { status: "pending_approval" } });
    const route = await routeApproval(tx, approval.id);
    await recordAuditEvent(tx, {
      orgId: intent.orgId,
      actor: "system",
      action: "approval.requested",
      targetId: approval.id,
      data: {
        intent_id: intent.id,
        required_role: approval.requiredRole,
        approvals_required: route?.approvals_required ?? approval.approvalsRequired,
        group_id: route?.group_id ?? null,
        group_name: route?.group_name ?? null,
      },
    });
    const data = {
      approval: {
        id: approval.id,
        status: "pending",
        required_role: approval.requiredRole,
        approvals_required: route?.approvals_required ?? approval.approvalsRequired,
        group_id: route?.group_id ?? null,
        expires_at: approval.expiresAt.toISOString(),
      },
      intent: { ...intentSummary(intent), status: "pending_approval" },
      rule: decision.rule,
      reason: decision.reason,
    };
    await enqueueEvent(tx, { orgId: intent.orgId, type: "approval.requested", data, at });
    const facts = { ...intent, intentId: intent.id, amount, rule: decision.rule, ruleReason: decision.reason, expiresAt: approval.expiresAt, approvalsRequired: route?.approvals_required ?? approval.approvalsRequired };
    await notifyUsers(tx, {
      ...approvalMessage(facts, "approval_requested"),
      orgId: intent.orgId,
      kind: "approval_requested",
      subjectId: approval.id,
      audience: approval.requiredRole === "admin" ? "admin" : "approver",
      excludeUserId: intent.submittedByUserId,
      groupId: route?.group_id ?? null,
      at,
    });
  }
}
