import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, CardBody, CardHeader } from "@/components/card";
import { LedgerTable } from "@/components/ledger-table";
import { MoneyText } from "@/components/money-text";
import { PageHeader } from "@/components/page-header";
import { IntentStateBadge } from "@/components/status-badge";
import { Time } from "@/components/org-time";
import { requireSession } from "@/lib/auth/require-session";
import { AgentStateBadge } from "@/components/agent-state-badge";
import { getIntentDetail } from "@/lib/intents/get-intent-detail";
import { findIntentByReference } from "@/lib/intents/find-intent-by-reference";
import { AppError } from "@/lib/errors/app-error";
import { formatConfidence } from "@/lib/format/labels";
import { ApprovalPanel } from "./approval-panel";
import { ApprovalTimeline } from "./approval-timeline";
import { DecisionTrace } from "./decision-trace";
import { SettlePanel } from "./settle-panel";
import { can } from "@/lib/permissions/can";
import { RailActivity } from "@/components/rails/rail-activity";
import { DeclinedAtCard } from "@/components/rails/declined-at-card";
import { DECLINED_AT_CARD } from "@/lib/rails/decide-card-authorization";
import { listIntentRailActivity } from "@/lib/rails/list-intent-rail-activity";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { db, principal } = await requireSession();
  const { id } = await params;
  const intent = await findIntentByReference(db, principal, id);
  return { title: intent ? `${intent.merchant ?? "Intent"} · ${id}` : "Intent" };
}

export default async function IntentPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, principal } = await requireSession();
  const { id } = await params;
  const detail = await getIntentDetail(db, principal, id).catch((e) => {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  });
  const { intent: i, agent, approval } = detail;
  const atCard = await listIntentRailActivity(db, principal.orgId, i.id, principal);
  const paidByCard = atCard.authorizations.length > 0 || atCard.transactions.length > 0;
  const declinedAtCard = i.source === "card" && atCard.authorizations.some((a) => !a.approved && a.reason === DECLINED_AT_CARD);
  const answerable = approval?.canAnswer === true;
  // Approved and not yet reported as paid: people who may settle it see Capture / Void.
  const settleable = i.settlement === "uncaptured" && can(principal, "intent.settle", { orgId: principal.orgId, agentId: i.agent_id });
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/intents" className="hover:underline">
            ← Intents
          </Link>
        }
        title={`${i.merchant ?? "Unknown merchant"}`}
        description={<span className="font-mono text-xs">{i.id}</span>}
        actions={
          <div className="flex items-center gap-3">
            <MoneyText amount={i.amount} currency={i.currency} className="text-2xl font-semibold tracking-tight" />
            <IntentStateBadge intent={i} rejectedBy={detail.rejectedBy} />
            {agent && <AgentStateBadge status={agent.status} frozen={agent.frozenAt !== null} />}
          </div>
        }
      />
      <div className={answerable ? "grid gap-6 pb-20 lg:grid-cols-3 lg:pb-0" : "grid gap-6 lg:grid-cols-3"}>
        <div className="space-y-6 lg:col-span-2">
          <Card aria-labelledby="summary-h">
            <CardHeader id="summary-h" title="Request" />
            <CardBody>
              {declinedAtCard && <DeclinedAtCard className="mb-3" />}
              <p className="text-sm text-slate-800 dark:text-slate-100">&ldquo;{i.reason}&rdquo;</p>
              <dl className="mt-4 grid grid-cols-2 gap-x-6 gap-y-3 text-sm sm:grid-cols-3">
                <Item label="Agent">
                  {agent ? (
                    <span className="flex flex-wrap items-center gap-1.5">
                      <Link className="font-medium text-brand-700 hover:underline dark:text-brand-300" href={`/agents/${agent.id}`}>
                        {agent.name}
                      </Link>
                      <AgentStateBadge status={agent.status} frozen={agent.frozenAt !== null} />
                    </span>
                  ) : (
                    "—"
                  )}
                </Item>
                <Item label="Merchant">{i.merchant ?? "—"}</Item>
                <Item label="Category">{i.merchant_category ?? "—"}</Item>
                <Item label="Confidence">{formatConfidence(i.confidence)}</Item>
                <Item label="Submitted">
                  <Time at={i.created_at} />
                </Item>
                <Item label="Decided">{i.decided_at ? <Time at={i.decided_at} /> : "Not yet"}</Item>
                {i.settlement && (
                  <Item label="Paid (capture)">
                    <span data-testid="intent-settlement">
                      {i.settlement === "uncaptured" ? (
                        "Awaiting capture"
                      ) : i.settlement === "voided" ? (
                        "Voided: nothing paid"
                      ) : (
                        <MoneyText amount={i.captured_amount ?? 0} currency={i.currency} />
                      )}
                    </span>
                  </Item>
                )}
              </dl>
            </CardBody>
          </Card>
          {paidByCard && <RailActivity activity={atCard} />}
          <DecisionTrace intent={i} />
          <Card aria-labelledby="meta-h">
            <CardHeader id="meta-h" title="Metadata" description="Free-form context the agent attached." />
            <CardBody>
              {Object.keys(i.metadata).length === 0 ? (
                <p className="text-sm text-slate-500 dark:text-slate-400">No metadata.</p>
              ) : (
                <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
                  {Object.entries(i.metadata).map(([k, v]) => (
                    <Item key={k} label={k}>
                      <span className="font-mono text-xs break-all">{typeof v === "string" ? v : JSON.stringify(v)}</span>
                    </Item>
                  ))}
                </dl>
              )}
            </CardBody>
          </Card>
        </div>
        <div className="space-y-6">
          <Card aria-labelledby="approval-h">
            <CardHeader
              id="approval-h"
              title="Approval"
              description={
                approval
                  ? `Needs ${approval.approvalsRequired === 1 ? "one person" : `${approval.approvalsRequired} different people`} to approve${approval.requiredRole === "admin" ? ", admins only" : ""}${approval.groupName ? `, from ${approval.groupName}` : ""}.`
                  : "No person was needed."
              }
            />
            <CardBody className="space-y-4">
              {approval && (
                <div className="text-sm">
                  <p data-testid="waiting-for" className="font-medium text-slate-900 dark:text-white">
                    {approval.waitingFor}
                  </p>
                  {!answerable && approval.status === "pending" && approval.blockedBecause && (
                    <p className="text-slate-500 dark:text-slate-400">{approval.blockedBecause}.</p>
                  )}
                </div>
              )}
              {approval && answerable && <ApprovalPanel approvalId={approval.id} />}
              {approval ? (
                <ApprovalTimeline events={detail.timeline} expiresAt={approval.status === "pending" ? approval.expiresAt : null} />
              ) : (
                <p className="text-sm text-slate-500 dark:text-slate-400">The policy engine decided this intent on its own.</p>
              )}
            </CardBody>
          </Card>
          {settleable && (
            <Card aria-labelledby="settle-h">
              <CardHeader id="settle-h" title="Payment" description="Capture what was paid, or void it; the rest returns to the wallet." />
              <CardBody>
                <SettlePanel intentId={i.id} approved={i.amount} currency={i.currency} />
              </CardBody>
            </Card>
          )}
          <Card aria-labelledby="ledger-h">
            <CardHeader id="ledger-h" title="Ledger effects" description="Money held, released or moved for this intent." />
            <LedgerTable entries={detail.ledger} currency={i.currency} compact />
          </Card>
        </div>
      </div>
    </>
  );
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="mt-0.5 text-slate-900 dark:text-slate-100">{children}</dd>
    </div>
  );
}
