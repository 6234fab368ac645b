import type { UserPrincipal } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { riskFromActivity } from "@/lib/agents/risk/assess-agent-risk";
import { loadAgentActivity } from "@/lib/agents/risk/load-agent-activity";
import type { RiskFactor } from "@/lib/agents/risk/compute-risk-level";
import { walletView } from "@/lib/agents/describe-agent";
import { formatMoney } from "@/lib/format/money";
import { resolveEffectiveRules } from "@/lib/policies/engine";
import type { Policy } from "@/lib/policies/engine/types";
import { approvalAccess } from "./approval-access";
import { loadRecentIntents, loadNewMerchants, type RecentIntent } from "./inbox-context";
import { activeFreeze, FREEZE_COLUMNS } from "@/lib/organizations/active-freeze";
import { foreseeableBlock } from "./foreseeable-block";
import { loadPossibleDuplicates, type PossibleDuplicate } from "./load-possible-duplicates";
import type { Blocked } from "./blocking-rule";

export const inboxInclude = {
  responses: { include: { user: { select: { name: true, email: true } } }, orderBy: { createdAt: "asc" } },
  group: { select: { name: true, escalateToGroupId: true } },
  intent: { include: { decision: true, agent: { include: { wallets: { orderBy: { createdAt: "asc" } } } } } },
} satisfies Prisma.ApprovalInclude;
type Row = Prisma.ApprovalGetPayload<{ include: typeof inboxInclude }>;

type Window = { spent: number; limit: number | null };

/** One card of the inbox: the approval, who can act on it, and the context to decide on it. */
export type InboxItem = {
  id: string;
  intent_id: string;
  created_at: string;
  expires_at: string;
  required_role: string;
  approvals_required: number;
  responses: { name: string; email: string; decision: "approve" | "reject"; comment: string | null; at: string }[];
  can_answer: boolean;
  /** Could answer but the agent is suspended: the buttons show, disabled, until it is resumed. */
  held_by_suspension: boolean;
  waiting_for: string;
  blocked_because: string | null;
  intent: {
    amount: number;
    currency: string;
    reason: string;
    merchant: string | null;
    merchant_category: string | null;
    confidence: number | null;
    rule: string | null;
    decision_reason: string | null;
    /** "card": a card payment no intent covered made it, and the card was declined while it waits. */
    source: string;
  };
  agent: {
    id: string;
    name: string;
    /** Who answers for the agent (free text, often an email); "" when none was given. */
    owner: string;
    status: string;
    frozen: boolean;
    risk: { level: string; computed: string; override: string | null; factors: RiskFactor[] };
    wallet: { currency: string; available: number } | null;
    budget: { day: Window; month: Window };
  };
  recent: RecentIntent[];
  new_merchant: boolean;
  /** Same agent, merchant and a similar amount close in time: maybe the same request twice. */
  duplicates: PossibleDuplicate[];
  /** What would stop an approve now (freeze, suspension, time window, hard limit), or null. */
  blocked: Blocked | null;
};

/**
 * The page's cards. Beyond the page query itself: risk and budget once per distinct agent
 * (the same assessment decisions use), the last intents of all the page's agents in one
 * query, and "new merchant" for all cards in one query.
 */
export async function buildInboxItems(
  db: Db,
  principal: UserPrincipal,
  rows: Row[],
  policy: Policy,
  { timeZone, currency }: { timeZone: string; currency: string },
  groupIds: ReadonlySet<string>,
  now: Date,
): Promise<InboxItem[]> {
  if (rows.length === 0) return [];
  const agents = new Map(rows.map((r) => [r.intent.agent.id, r]));
  const [assessed, recent, fresh, orgFreeze, duplicates] = await Promise.all([
    // Every agent of the page in one counters read (a query per agent was a third of the page).
    loadAgentActivity(db, [...agents.keys()], now, timeZone, "decision").then((activity) =>
      [...agents.values()].map((r) => {
        const a = activity.get(r.intent.agent.id)!;
        return [r.intent.agent.id, { activity: a, risk: riskFromActivity(a, r.intent.agent, policy, r.intent.currency, now, timeZone) }] as const;
      }),
    ),
    loadRecentIntents(db, principal.orgId, [...agents.keys()], 6),
    loadNewMerchants(
      db,
      rows.map((r) => ({ intentId: r.intentId, agentId: r.intent.agentId, merchant: r.intent.merchant, createdAt: r.intent.createdAt })),
    ),
    db.organization.findUniqueOrThrow({ where: { id: principal.orgId }, select: FREEZE_COLUMNS }),
    loadPossibleDuplicates(
      db,
      principal.orgId,
      rows.map((r) => ({
        intentId: r.intentId,
        agentId: r.intent.agentId,
        merchant: r.intent.merchant,
        amount: r.intent.amount,
        currency: r.intent.currency,
        createdAt: r.intent.createdAt,
      })),
    ),
  ]);
  const byAgent = new Map(assessed);
  const threshold = policy.approvals.adminThreshold;
  return rows.map((row) => {
    const { intent } = row;
    const agent = intent.agent;
    const { activity, risk } = byAgent.get(agent.id)!;
    const rules = resolveEffectiveRules(policy, agent.id);
    const access = approvalAccess(
      principal,
      {
        orgId: row.orgId,
        status: row.status,
        requiredRole: row.requiredRole,
        approvalsRequired: row.approvalsRequired,
        submittedByUserId: intent.submittedByUserId,
        responses: row.responses,
        agentStatus: agent.status,
        routing: {
          groupId: row.groupId,
          groupName: row.group?.name ?? null,
          escalated: row.escalatedAt !== null,
          escalateToGroupId: row.group?.escalateToGroupId ?? null,
          actorGroupIds: groupIds,
        },
      },
      threshold === null ? null : formatMoney(threshold, intent.currency),
    );
    const wallet = agent.wallets.find((w) => w.currency === intent.currency);
    return {
      id: row.id,
      intent_id: row.intentId,
      created_at: row.createdAt.toISOString(),
      expires_at: row.expiresAt.toISOString(),
      required_role: row.requiredRole,
      approvals_required: row.approvalsRequired,
      responses: row.responses.map((r) => ({
        name: r.user.name,
        email: r.user.email,
        decision: r.decision,
        comment: r.comment,
        at: r.createdAt.toISOString(),
      })),
      can_answer: access.canAnswer,
      held_by_suspension: !access.canAnswer && agent.status === "suspended" && access.waitingFor === "Waiting for an admin to resume the agent",
      waiting_for: access.waitingFor,
      blocked_because: access.blockedBecause,
      intent: {
        amount: Number(intent.amount),
        currency: intent.currency,
        reason: intent.reason,
        merchant: intent.merchant,
        merchant_category: intent.merchantCategory,
        confidence: intent.confidence,
        rule: intent.decision?.rule ?? null,
        decision_reason: intent.decision?.reason ?? null,
        source: intent.source,
      },
      agent: {
        id: agent.id,
        name: agent.name,
        owner: agent.owner,
        status: agent.status,
        frozen: agent.frozenAt !== null,
        risk: { level: risk.level, computed: risk.computed, override: risk.override, factors: risk.factors },
        wallet: wallet ? { currency: wallet.currency, available: walletView(wallet).available } : null,
        budget: {
          day: { spent: activity.spend.get(intent.currency)?.today ?? 0, limit: rules.dailyBudget },
          month: { spent: activity.spend.get(intent.currency)?.month ?? 0, limit: rules.monthlyBudget },
        },
      },
      recent: (recent.get(agent.id) ?? []).filter((r) => r.id !== row.intentId).slice(0, 5),
      new_merchant: intent.merchant !== null && fresh.has(row.intentId),
      duplicates: duplicates.get(row.intentId) ?? [],
      blocked: foreseeableBlock({
        intent: {
          amount: Number(intent.amount),
          currency: intent.currency,
          merchant: intent.merchant,
          merchantCategory: intent.merchantCategory,
          confidence: intent.confidence,
        },
        agent,
        freeze: activeFreeze(orgFreeze, agent),
        policy,
        policyCurrency: currency,
        timeZone,
        now,
      }),
    };
  });
}
