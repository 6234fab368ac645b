import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, CardBody, CardHeader } from "@/components/card";
import { EmptyState } from "@/components/empty-state";
import { LedgerTable } from "@/components/ledger-table";
import { MoneyText } from "@/components/money-text";
import { PageHeader } from "@/components/page-header";
import { RiskBadge } from "@/components/risk-badge";
import { SpendChart } from "@/components/spend-chart";
import { StatusBadge } from "@/components/status-badge";
import { UsageBar } from "@/components/usage-bar";
import { requireSession } from "@/lib/auth/require-session";
import { can } from "@/lib/permissions/can";
import { isUuid } from "@/lib/db/ids";
import { getAgentPage } from "@/lib/agents/get-agent-page";
import { listAgentNames } from "@/lib/agents/list-agent-names";
import { AppError } from "@/lib/errors/app-error";
import { IntentsTable } from "@/components/intents-table";
import { listIntentAnswers } from "@/lib/intents/list-intent-answers";
import { AgentControls } from "./agent-controls";
import { Badge } from "@/components/badge";
import { SettlementSummaryView } from "@/components/settlement-summary";
import { loadSettlementSummary } from "@/lib/intents/load-settlement-summary";
import { FreezeControl } from "../freeze-control";
import { ApiKeysPanel } from "./api-keys-panel";
import { FundWalletForm } from "./fund-wallet-form";
import { LowBalanceForm } from "./low-balance-form";
import { AccountingForm } from "./accounting-form";
import { getAgentAccounting } from "@/lib/agents/get-agent-accounting";
import { RiskFactors } from "./risk-factors";
import { CardsPanel } from "./cards-panel";
import { listAgentCards } from "@/lib/rails/list-agent-cards";
import { listRailConnections } from "@/lib/rails/list-rail-connections";
import { serializeCard } from "@/lib/rails/serialize-rail";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { db, principal } = await requireSession();
  const { id } = await params;
  const [agent] = isUuid(id) ? await listAgentNames(db, principal, { ids: [id] }) : [];
  return { title: agent ? `${agent.name} · Agent` : "Agent" };
}

export default async function AgentPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, principal } = await requireSession();
  const { id } = await params;
  const page = await getAgentPage(db, principal, id).catch((e) => {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  });
  const { agent: a, currency } = page;
  const answers = await listIntentAnswers(
    db,
    principal.orgId,
    page.intents.map((i) => i.id),
  );
  const subject = { orgId: principal.orgId, agentId: a.id };
  const allowed = {
    status: can(principal, "agent.set_status", subject),
    fund: can(principal, "wallet.fund", subject),
    threshold: can(principal, "wallet.set_threshold", subject),
    freeze: can(principal, "spending.freeze", subject),
  };
  const canManageCards = can(principal, "rail.manage", { orgId: principal.orgId });
  const [summaries, accounting, cards, rails] = await Promise.all([
    loadSettlementSummary(db, principal.orgId, a.id),
    getAgentAccounting(db, principal.orgId, a.id),
    listAgentCards(db, principal.orgId, a.id),
    // Only admins are told whether a rail is connected (they are the ones who can connect one).
    canManageCards ? listRailConnections(db, principal.orgId) : null,
  ]);
  const settlement = summaries.find((s) => s.currency === currency);
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/agents" className="hover:underline">
            ← Agents
          </Link>
        }
        title={a.name}
        description={[a.description, a.owner.trim() ? `Owner: ${a.owner}` : "No owner set"].filter(Boolean).join(" · ")}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <StatusBadge status={a.status} />
            <RiskBadge level={a.risk_level} overridden={a.risk_override !== null} />
            {a.frozen && (
              <Badge tone="red" dot>
                Frozen
              </Badge>
            )}
            {allowed.freeze && <FreezeControl agentId={a.id} frozen={a.frozen !== null} />}
            {allowed.status && <AgentControls agentId={a.id} status={a.status} riskOverride={a.risk_override} waitingCount={page.waiting.count} />}
          </div>
        }
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label="Wallet available" testId="wallet-available">
          {a.wallet ? <MoneyText amount={a.wallet.available} currency={currency} /> : "No wallet"}
        </Stat>
        <Stat label="Balance">{a.wallet ? <MoneyText amount={a.wallet.balance} currency={currency} /> : "—"}</Stat>
        <Stat label="Held for intents awaiting approval">{a.wallet ? <MoneyText amount={a.wallet.held} currency={currency} /> : "—"}</Stat>
      </div>
      {a.wallet && (
        <Card className="mt-4 px-5 py-3">
          <LowBalanceForm
            agentId={a.id}
            currency={currency}
            threshold={a.wallet.low_balance_threshold}
            available={a.wallet.available}
            canEdit={allowed.threshold}
          />
        </Card>
      )}
      <Card className="mt-4 px-5 py-3">
        <AccountingForm
          agentId={a.id}
          glCode={accounting.gl_code}
          costCenter={accounting.cost_center}
          canEdit={can(principal, "agent.set_accounting", subject)}
        />
      </Card>
      <div className="mt-6 grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2" aria-labelledby="spend-h">
          <CardHeader id="spend-h" title="Spend, last 30 days" description="Approved and held amounts per day, in the organisation's time zone." />
          <CardBody>
            <SpendChart data={page.spend} currency={currency} />
          </CardBody>
        </Card>
        <div className="space-y-6">
          <Card aria-labelledby="budget-h">
            <CardHeader id="budget-h" title="Budgets" description="Limits from the organisation's policy." />
            <CardBody className="space-y-5">
              <UsageBar label="Today" spent={a.spend.day.spent} limit={a.spend.day.limit} currency={currency} />
              <UsageBar label="This month" spent={a.spend.month.spent} limit={a.spend.month.limit} currency={currency} />
              <p className="text-xs text-slate-500 dark:text-slate-400">
                {a.counts.approved} approved · {a.counts.denied} denied · {a.counts.pending_approval} awaiting approval · {a.counts.expired} expired
              </p>
            </CardBody>
          </Card>
          <RiskFactors agent={a} override={page.override} />
        </div>
      </div>
      {a.frozen && (
        <p role="status" className="mt-6 rounded-lg bg-red-50 px-4 py-3 text-sm text-red-900 dark:bg-red-950/50 dark:text-red-100">
          This agent&apos;s spending is frozen{a.frozen.frozen_by ? ` by ${a.frozen.frozen_by}` : ""}
          {a.frozen.reason ? ` — ${a.frozen.reason}` : ""}: its new intents are denied and its approvals cannot be given.
        </p>
      )}
      <CardsPanel
        agentId={a.id}
        agentName={a.name}
        cards={cards.map(serializeCard)}
        canManage={canManageCards}
        railsActive={rails ? rails.filter((r) => r.status === "active").map((r) => r.provider) : null}
      />
      <Card className="mt-6" aria-labelledby="settled-h">
        <CardHeader
          id="settled-h"
          title="Approved vs captured"
          description="What was approved, what the agent reported paying (capture), and what went back to the wallet."
        />
        <CardBody>
          {settlement ? <SettlementSummaryView s={settlement} /> : <p className="text-sm text-slate-500 dark:text-slate-400">Nothing approved yet.</p>}
        </CardBody>
      </Card>
      <Card className="mt-6" aria-labelledby="ledger-h">
        <CardHeader
          id="ledger-h"
          title="Wallet ledger"
          description="The 15 most recent movements."
          actions={allowed.fund ? <FundWalletForm agentId={a.id} currency={currency} /> : undefined}
        />
        <LedgerTable entries={page.ledger} currency={currency} />
      </Card>
      <Card className="mt-6" aria-labelledby="recent-h">
        <CardHeader
          id="recent-h"
          title="Recent intents"
          actions={
            <Link href={`/intents?agent=${a.id}`} className="text-sm font-medium text-brand-700 hover:underline dark:text-brand-300">
              View all
            </Link>
          }
        />
        {page.intents.length ? (
          <IntentsTable intents={page.intents} agentNames={new Map([[a.id, a.name]])} answers={answers} showAgent={false} />
        ) : (
          <EmptyState title="No intents yet">This agent has not asked to spend anything.</EmptyState>
        )}
      </Card>
      {page.keys && <ApiKeysPanel agentId={a.id} keys={page.keys} />}
    </>
  );
}

function Stat({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <Card className="px-5 py-4">
      <p className="text-sm text-slate-500 dark:text-slate-400">{label}</p>
      <p data-testid={testId} className="mt-1 text-2xl font-semibold tracking-tight text-slate-900 dark:text-white">
        {children}
      </p>
    </Card>
  );
}
