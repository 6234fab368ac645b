import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/button";
import { Card } from "@/components/card";
import { EmptyState } from "@/components/empty-state";
import { MoneyText } from "@/components/money-text";
import { PageHeader } from "@/components/page-header";
import { RiskBadge } from "@/components/risk-badge";
import { StatusBadge } from "@/components/status-badge";
import { UsageBar } from "@/components/usage-bar";
import { listAgents } from "@/lib/agents/list-agents";
import { isValidCursor } from "@/lib/api/keyset-cursor";
import { isUuid } from "@/lib/db/ids";
import { getOrganizationSummary } from "@/lib/organizations/get-organization-summary";
import { requireSession } from "@/lib/auth/require-session";
import { can } from "@/lib/permissions/can";
import { FreezeControl } from "./freeze-control";
import { CreateAgentForm } from "./create-agent-form";

export const metadata: Metadata = { title: "Agents" };

/** Cards per page (a multiple of the grid's two and three columns). */
const PAGE = 48;

export default async function AgentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { db, principal } = await requireSession();
  const sp = await searchParams;
  const cursor = typeof sp.cursor === "string" && isValidCursor(sp.cursor, isUuid) ? sp.cursor : undefined;
  const { data: agents, next_cursor } = await listAgents(db, principal, { limit: PAGE, cursor });
  const mayFreeze = can(principal, "spending.freeze", { orgId: principal.orgId });
  const org = await getOrganizationSummary(db, principal);
  return (
    <>
      <PageHeader
        title="Agents"
        description="The AI agents allowed to ask for money, their risk, wallets and budgets."
        actions={mayFreeze ? <FreezeControl agentId={null} frozen={Boolean(org.frozenAt)} /> : undefined}
      />
      {can(principal, "agent.create", { orgId: principal.orgId }) && (
        <div className="mb-4 flex justify-end">
          <CreateAgentForm currency={org.currency} />
        </div>
      )}
      {agents.length === 0 ? (
        <Card>
          <EmptyState title="No agents yet">An admin registers agents here or with the CLI; they appear here with their wallets.</EmptyState>
        </Card>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3" aria-label="Agents">
          {agents.map((a) => {
            const currency = a.wallet?.currency ?? org.currency;
            return (
              <li key={a.id}>
                <Card className="h-full transition-shadow hover:shadow-md">
                  <div className="p-5">
                    <div className="flex items-start justify-between gap-3">
                      <div className="min-w-0">
                        <Link href={`/agents/${a.id}`} className="text-base font-semibold text-slate-900 hover:underline dark:text-white">
                          {a.name}
                        </Link>
                        <p className="truncate text-sm text-slate-500 dark:text-slate-400">
                          {a.description || (a.owner.trim() ? `Owned by ${a.owner}` : "No owner set")}
                        </p>
                      </div>
                      <StatusBadge status={a.status} />
                    </div>
                    <div className="mt-3">
                      <RiskBadge level={a.risk_level} overridden={a.risk_override !== null} />
                    </div>
                    <dl className="mt-4 grid grid-cols-2 gap-3 text-sm">
                      <div>
                        <dt className="text-xs text-slate-500 dark:text-slate-400">Available</dt>
                        <dd className="font-semibold text-slate-900 dark:text-white">
                          {a.wallet ? <MoneyText amount={a.wallet.available} currency={currency} /> : "No wallet"}
                        </dd>
                      </div>
                      <div>
                        <dt className="text-xs text-slate-500 dark:text-slate-400">Held, awaiting approval</dt>
                        <dd className="font-medium text-slate-700 dark:text-slate-200">
                          {a.wallet ? <MoneyText amount={a.wallet.held} currency={currency} /> : "—"}
                        </dd>
                      </div>
                    </dl>
                    <div className="mt-4">
                      <UsageBar label="Month to date" spent={a.spend.month.spent} limit={a.spend.month.limit} currency={currency} compact />
                    </div>
                    <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">
                      {a.counts.approved} approved · {a.counts.denied} denied · {a.counts.pending_approval} awaiting approval
                    </p>
                  </div>
                </Card>
              </li>
            );
          })}
        </ul>
      )}
      {(cursor || next_cursor) && (
        <nav aria-label="Pagination" className="mt-4 flex items-center justify-between text-sm">
          <span className="text-slate-500 dark:text-slate-400">
            {agents.length} agent{agents.length === 1 ? "" : "s"}, newest first{cursor ? " (older page)" : ""}
          </span>
          <div className="flex gap-2">
            {cursor && (
              <ButtonLink size="sm" href="/agents">
                Newest
              </ButtonLink>
            )}
            {next_cursor && (
              <ButtonLink size="sm" href={`/agents?cursor=${encodeURIComponent(next_cursor)}`}>
                Older →
              </ButtonLink>
            )}
          </div>
        </nav>
      )}
    </>
  );
}
