import { toLedgerLine } from "@/lib/ledger/ledger-line";
import type { UserPrincipal } from "@/lib/auth/principal";
import type { DbOrTx } from "@/lib/db/client";
import { getIntentRow } from "@/lib/intents/get-intent";
import { serializeIntent } from "@/lib/intents/serialize-intent";
import { loadAnswerRights } from "@/lib/approver-groups/load-answer-rights";
import { approvalAccess } from "@/lib/approvals/approval-access";
import { formatMoney } from "@/lib/format/money";
import { getOrgPolicy } from "@/lib/policies/get-org-policy";

export type TimelineEvent = { at: string; kind: "requested" | "approve" | "reject" | "approved" | "rejected" | "expired"; who: string; comment: string | null };

/** Everything the intent page shows: the intent, its agent, approval timeline and ledger effects. */
export async function getIntentDetail(db: DbOrTx, principal: UserPrincipal, id: string) {
  const row = await getIntentRow(db, principal, id); // not found (or another org's) → 404
  const [agent, approval, ledger, { policy }] = await Promise.all([
    db.agent.findFirst({ where: { id: row.agentId, orgId: principal.orgId }, select: { id: true, name: true, status: true, frozenAt: true } }),
    db.approval.findFirst({
      where: { intentId: row.id, orgId: principal.orgId },
      include: {
        responses: { include: { user: { select: { email: true, name: true } } }, orderBy: { createdAt: "asc" } },
        group: { select: { name: true, escalateToGroupId: true } },
      },
    }),
    db.ledgerEntry.findMany({ where: { intentId: row.id, orgId: principal.orgId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    getOrgPolicy(db, principal.orgId),
  ]);
  // Approver-group routing decides who may answer; the page asks the same rule as the API.
  const actorGroupIds = approval?.groupId ? (await loadAnswerRights(db, principal.orgId, principal.userId)).groupIds : new Set<string>();
  const threshold = policy.approvals.adminThreshold;
  const routing = approval && {
    groupId: approval.groupId,
    groupName: approval.group?.name ?? null,
    escalated: approval.escalatedAt !== null,
    escalateToGroupId: approval.group?.escalateToGroupId ?? null,
    actorGroupIds,
  };
  const access =
    approval &&
    approvalAccess(
      principal,
      {
        orgId: approval.orgId,
        status: approval.status,
        requiredRole: approval.requiredRole,
        approvalsRequired: approval.approvalsRequired,
        submittedByUserId: row.submittedByUserId,
        responses: approval.responses,
        routing: routing!,
        agentStatus: agent?.status,
      },
      threshold === null ? null : formatMoney(threshold, row.currency),
    );
  const timeline: TimelineEvent[] = [];
  if (approval) {
    timeline.push({ at: approval.createdAt.toISOString(), kind: "requested", who: "Policy engine", comment: null });
    for (const r of approval.responses) {
      timeline.push({ at: r.createdAt.toISOString(), kind: r.decision, who: `${r.user.name} (${r.user.email})`, comment: r.comment });
    }
    if (approval.status !== "pending" && approval.resolvedAt) {
      timeline.push({
        at: approval.resolvedAt.toISOString(),
        kind: approval.status,
        who: approval.status === "expired" ? "System" : "Approval closed",
        comment: null,
      });
    }
  }
  return {
    intent: serializeIntent(row),
    agent,
    approval: approval && {
      id: approval.id,
      orgId: approval.orgId,
      status: approval.status,
      requiredRole: approval.requiredRole,
      approvalsRequired: approval.approvalsRequired,
      expiresAt: approval.expiresAt.toISOString(),
      answeredBy: approval.responses.map((r) => r.userId),
      submittedByUserId: row.submittedByUserId,
      groupName: approval.group?.name ?? null,
      routing: routing!,
      canAnswer: access!.canAnswer,
      waitingFor: access!.waitingFor,
      blockedBecause: access!.blockedBecause,
    },
    timeline,
    rejectedBy: approval?.responses.find((r) => r.decision === "reject")?.user.name ?? null,
    ledger: ledger.map(toLedgerLine),
  };
}
export type IntentDetail = Awaited<ReturnType<typeof getIntentDetail>>;
