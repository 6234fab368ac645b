import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { walletView } from "@/lib/agents/describe-agent";
import { assessAgentsRisk } from "@/lib/agents/risk/assess-agent-risk";
import { getOrgPolicy } from "@/lib/policies/get-org-policy";
import { getOrgTimeZone } from "@/lib/organizations/get-org-time-zone";
import { intentInclude, serializeIntent } from "@/lib/intents/serialize-intent";
import { ApprovalSchema, type ApprovalDto } from "./approval-schemas";
import { activeFreeze, FREEZE_COLUMNS } from "@/lib/organizations/active-freeze";
import { foreseeableBlock } from "./foreseeable-block";

export const approvalInclude = {
  group: { select: { id: true, name: true } },
  responses: { include: { user: true }, orderBy: { createdAt: "asc" } },
  intent: { include: { ...intentInclude, agent: { include: { wallets: { orderBy: { createdAt: "asc" } } } } } },
} satisfies Prisma.ApprovalInclude;
export type ApprovalRow = Prisma.ApprovalGetPayload<{ include: typeof approvalInclude }>;

/**
 * The API view of approvals, with the intent and an agent summary (risk level, wallet in
 * the intent's currency) embedded. Risk comes from the agents' counters, one query for a
 * whole page (all rows belong to one organisation, so its policy is read once).
 */
export async function serializeApprovals(db: Db, rows: ApprovalRow[]): Promise<ApprovalDto[]> {
  const now = new Date();
  const policy = rows.length ? (await getOrgPolicy(db, rows[0].orgId)).policy : null;
  const timeZone = rows.length ? await getOrgTimeZone(db, rows[0].orgId) : "UTC";
  const orgFreeze = rows.length ? await db.organization.findUnique({ where: { id: rows[0].orgId }, select: { ...FREEZE_COLUMNS, currency: true } }) : null;
  const agents = rows.map((row) => ({ ...row.intent.agent, currency: row.intent.currency }));
  const risk = policy ? await assessAgentsRisk(db, agents, policy, now, timeZone) : new Map();
  return rows.map((row) => {
    const agent = row.intent.agent;
    const wallet = agent.wallets.find((w) => w.currency === row.intent.currency) ?? null;
    return ApprovalSchema.parse({
      id: row.id,
      object: "approval",
      intent_id: row.intentId,
      status: row.status,
      required_role: row.requiredRole,
      approvals_required: row.approvalsRequired,
      group: row.group,
      escalated_at: row.escalatedAt?.toISOString() ?? null,
      responses: row.responses.map((r) => ({
        user_email: r.user.email,
        user_name: r.user.name,
        decision: r.decision,
        comment: r.comment,
        created_at: r.createdAt.toISOString(),
      })),
      expires_at: row.expiresAt.toISOString(),
      created_at: row.createdAt.toISOString(),
      resolved_at: row.resolvedAt?.toISOString() ?? null,
      intent: serializeIntent(row.intent),
      agent: {
        id: agent.id,
        name: agent.name,
        status: agent.status,
        risk_level: risk.get(`${agent.id}:${row.intent.currency}`)!.level,
        wallet: wallet ? walletView(wallet) : null,
      },
      blocked:
        row.status === "pending" && orgFreeze
          ? foreseeableBlock({
              intent: {
                amount: Number(row.intent.amount),
                currency: row.intent.currency,
                merchant: row.intent.merchant,
                merchantCategory: row.intent.merchantCategory,
                confidence: row.intent.confidence,
              },
              agent,
              freeze: activeFreeze(orgFreeze, agent),
              policy: policy!,
              policyCurrency: orgFreeze.currency,
              timeZone,
              now,
            })
          : null,
    });
  });
}
