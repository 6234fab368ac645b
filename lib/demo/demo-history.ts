import crypto from "node:crypto";
import { expireApprovals } from "@/lib/approvals/expire-approvals";
import { respondToApproval } from "@/lib/approvals/respond-to-approval";
import { setAgentStatus } from "@/lib/agents/set-agent-status";
import { setRiskOverride } from "@/lib/agents/set-risk-override";
import type { Db } from "@/lib/db/client";
import { newIntentId } from "@/lib/db/ids";
import { ensureMonthPartitions } from "@/lib/db/partitions";
import { decideIntent } from "@/lib/intents/decide-intent";
import { sqlTransaction } from "@/lib/db/sql";
import { storePendingIntent } from "@/lib/intents/store-pending-intent";
import { answerApproval } from "@/lib/approvals/answer-approval";
import { AppError } from "@/lib/errors/app-error";
import type { DemoSetup } from "./demo-agents";
import type { DemoUserKey } from "./demo-catalog";
import type { DemoPlan, PlannedEvent, PlannedIntent } from "./demo-plan";
import { backdateAuditEvent } from "./demo-retime";
import { demoSettlementPlanner } from "./demo-settlement";
import { settleApprovedIntent } from "@/lib/intents/settle-approved-intent";
import type { AgentPrincipal, UserPrincipal } from "@/lib/auth/principal";
import { recordSessionFactor } from "@/lib/second-factors/record-session-factor";

type Due = { at: Date; run: () => Promise<unknown> };

/**
 * Plays the plan in time order through the real domain: each intent is stored as
 * submitIntent stores it (backdated) and decided by decideIntent at that moment, so
 * budgets, velocity and risk see the history before it. People's answers and expiries
 * happen at their planned times, between the intents that follow.
 */
const ignoreRefusal = (e: unknown) => {
  if (!(e instanceof AppError)) throw e;
};

export async function playDemoHistory(db: Db, setup: DemoSetup, plan: DemoPlan, now: Date): Promise<void> {
  // The history's ids carry its back-dated times: the months it covers need their partitions.
  const first = plan.intents.reduce((min, p) => (p.at < min ? p.at : min), now);
  await ensureMonthPartitions(db, first);
  const due: Due[] = [];
  const events = [...plan.events].sort((a, b) => a.at.getTime() - b.at.getTime());
  const answerNow: { approvalId: string; intent: PlannedIntent }[] = [];
  const runDue = async (until: Date) => {
    for (;;) {
      due.sort((a, b) => a.at.getTime() - b.at.getTime());
      const nextDue = due[0]?.at.getTime() ?? Infinity;
      const nextEvent = events[0]?.at.getTime() ?? Infinity;
      if (Math.min(nextDue, nextEvent) > until.getTime()) return;
      if (nextEvent <= nextDue) await applyEvent(db, setup, events.shift()!);
      else await due.shift()!.run();
    }
  };

  const settlementFor = demoSettlementPlanner();
  /** The agent reports what it paid, through the real settle function (ledger, counters, audit). */
  const settleLater = (intentId: string, planned: PlannedIntent, approvedAt: Date) => {
    const s = settlementFor(planned.amount, approvedAt, now);
    if (!s) return;
    const agent = agentPrincipal(setup, planned);
    // Refused when the intent was not approved after all (rejected, expired): it then has nothing to settle.
    due.push({ at: s.at, run: () => sqlTransaction(db, (tx) => settleApprovedIntent(tx, intentId, s.request, agent, { at: s.at })).catch(ignoreRefusal) });
  };

  for (const planned of plan.intents) {
    await runDue(planned.at);
    const decidedAt = new Date(planned.at.getTime() + 1000);
    const intentId = await insertIntent(db, setup, planned);
    await decideIntent(db, intentId, () => decidedAt);
    const approval = await db.approval.findUnique({ where: { intentId }, select: { id: true, requiredRole: true, expiresAt: true } });
    if (!approval) {
      settleLater(intentId, planned, decidedAt);
      continue;
    }
    const fate = planned.fate;
    if (fate.kind === "answer") {
      const by = approval.requiredRole === "admin" ? "admin" : fate.by;
      const at = new Date(decidedAt.getTime() + fate.afterMs);
      // The domain may refuse (e.g. the approval expired first): history then simply has no answer.
      due.push({ at, run: async () => answerApproval(db, await inBrowser(db, setup, by, at), approval.id, fate, at).catch(ignoreRefusal) });
      if (fate.decision === "approve") settleLater(intentId, planned, at);
    } else if (fate.kind === "expire") {
      const at = new Date(approval.expiresAt.getTime() + 60_000);
      if (at < now) due.push({ at, run: () => expireApprovals(db, at) });
    } else if (fate.kind === "answer_now") {
      answerNow.push({ approvalId: approval.id, intent: planned });
    }
  }
  await runDue(new Date(now.getTime() - 60_000));
  for (const { approvalId, intent } of answerNow) {
    if (intent.fate.kind !== "answer_now") continue;
    const { decision, by, comment } = intent.fate;
    await respondToApproval(db, await inBrowser(db, setup, by, new Date()), approvalId, { decision, comment });
  }
  await expireApprovals(db, now);
  await db.sessionFactor.deleteMany({ where: { sessionId: { startsWith: "demo-seed-" } } });
}

/**
 * The demo's people answered in the dashboard with their second factor checked moments before
 * (large approvals need one: lib/approvals/step-up-rule.ts). The replay gives each answer such
 * a session; its records are removed once the history is written.
 */
async function inBrowser(db: Db, setup: DemoSetup, by: DemoUserKey, at: Date): Promise<UserPrincipal> {
  const principal = { ...setup.principals[by], sessionId: `demo-seed-${by}` };
  await recordSessionFactor(db, principal, "passkey", at);
  return principal;
}

async function applyEvent(db: Db, setup: DemoSetup, event: PlannedEvent): Promise<void> {
  const agentId = setup.agents[event.agent].id;
  const admin = setup.principals.admin;
  if (event.kind === "suspend") {
    await setAgentStatus(db, admin, { orgId: setup.org.id, agentId, status: "suspended" });
    await backdateAuditEvent(db, setup.org.id, "agent.suspended", agentId, event.at);
  } else {
    await setRiskOverride(db, admin, { orgId: setup.org.id, agentId, level: "high" });
    await backdateAuditEvent(db, setup.org.id, "agent.risk_override_set", agentId, event.at);
  }
}

function agentPrincipal(setup: DemoSetup, p: PlannedIntent): AgentPrincipal {
  const agent = setup.agents[p.agent];
  return { kind: "agent", orgId: setup.org.id, agentId: agent.id, keyId: agent.keyId, label: `agent:${agent.name}` };
}

/** The row submitIntent writes (same fields, same audit event), at the planned time. */
async function insertIntent(db: Db, setup: DemoSetup, p: PlannedIntent): Promise<string> {
  const agent = setup.agents[p.agent];
  const id = newIntentId(p.at);
  const canonical = JSON.stringify({
    agentId: agent.id,
    amount: p.amount,
    currency: "INR",
    reason: p.reason,
    confidence: p.confidence,
    merchant: p.merchant,
    merchant_category: p.category,
    metadata: Object.fromEntries(
      Object.keys(p.metadata)
        .sort()
        .map((k) => [k, p.metadata[k]]),
    ),
  });
  await storePendingIntent(db, agentPrincipal(setup, p), {
    id,
    orgId: setup.org.id,
    agentId: agent.id,
    apiKeyId: agent.keyId,
    submittedByUserId: null,
    amount: p.amount,
    currency: "INR",
    reason: p.reason,
    confidence: p.confidence,
    merchant: p.merchant,
    merchantCategory: p.category,
    metadata: p.metadata,
    idempotencyKey: null,
    requestHash: crypto.createHash("sha256").update(canonical).digest("hex"),
    createdAt: p.at,
  });
  return id;
}
