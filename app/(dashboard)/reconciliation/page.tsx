import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/button";
import { Card, CardBody, CardHeader } from "@/components/card";
import { EmptyState } from "@/components/empty-state";
import { fieldClass, fieldLabelClass } from "@/components/form-fields";
import { PageHeader } from "@/components/page-header";
import { SettlementSummaryView } from "@/components/settlement-summary";
import { requireSession } from "@/lib/auth/require-session";
import { formatSums } from "@/lib/format/sum-by-currency";
import { AGEING_BUCKETS, ageUncaptured } from "@/lib/intents/age-uncaptured";
import { listSettlementGaps } from "@/lib/intents/list-settlement-gaps";
import { loadSettlementSummary } from "@/lib/intents/load-settlement-summary";
import { reconciliationRange } from "@/lib/intents/reconciliation-range";
import { can } from "@/lib/permissions/can";
import { GapsTable } from "./gaps-table";

export const metadata: Metadata = { title: "Reconciliation" };

type SP = Record<string, string | string[] | undefined>;

/** Approved is not paid: where what was approved and what agents reported paying differ. */
export default async function ReconciliationPage({ searchParams }: { searchParams: Promise<SP> }) {
  const { db, principal } = await requireSession();
  const sp = await searchParams;
  const range = reconciliationRange({ from: typeof sp.from === "string" ? sp.from : undefined, to: typeof sp.to === "string" ? sp.to : undefined });
  const [summary, gaps, ageing] = await Promise.all([
    loadSettlementSummary(db, principal.orgId),
    listSettlementGaps(db, principal.orgId, 100, range),
    ageUncaptured(db, principal.orgId),
  ]);
  const query = new URLSearchParams(Object.entries(range.text).filter((e): e is [string, string] => !!e[1])).toString();
  return (
    <>
      <PageHeader
        title="Reconciliation"
        description="Approved against captured: approvals no agent has captured or voided yet, partial captures and voids (the unpaid part went back to the wallet)."
        actions={
          <a href={`/reconciliation/export${query ? `?${query}` : ""}`} className={buttonClass("secondary", "md")} download>
            Export CSV
          </a>
        }
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card aria-labelledby="totals-h">
          <CardHeader id="totals-h" title="Totals" description="All approved intents of the organisation." />
          <CardBody className="space-y-6">
            {summary.length ? (
              summary.map((s) => <SettlementSummaryView key={s.currency} s={s} />)
            ) : (
              <p className="text-sm text-slate-500">Nothing has been approved yet.</p>
            )}
          </CardBody>
        </Card>
        <Card aria-labelledby="ageing-h">
          <CardHeader id="ageing-h" title="Awaiting capture, by age" description="Approved money no agent has reported paying yet, by days since approval." />
          <CardBody>
            <dl className="grid grid-cols-2 gap-3" data-testid="ageing">
              {AGEING_BUCKETS.map((b) => {
                const rows = ageing.filter((r) => r.bucket === b.key);
                const count = rows.reduce((n, r) => n + r.count, 0);
                return (
                  <div key={b.key} className="rounded-lg bg-slate-50 px-3 py-2 dark:bg-slate-800/50">
                    <dt className="text-xs text-slate-500 dark:text-slate-400">{b.label}</dt>
                    <dd className="text-sm font-semibold text-slate-900 tabular dark:text-white">{count ? formatSums(rows) : "—"}</dd>
                    <dd className="text-xs text-slate-500 dark:text-slate-400">
                      {count} approval{count === 1 ? "" : "s"}
                    </dd>
                  </div>
                );
              })}
            </dl>
          </CardBody>
        </Card>
      </div>
      <Card className="mt-6" aria-labelledby="gaps-h">
        <CardHeader id="gaps-h" title="Gaps" description="Uncaptured approvals oldest first (up to 100), then partial captures and voids, newest first." />
        <form method="get" aria-label="Date range" className="flex flex-wrap items-end gap-3 border-b border-slate-200 px-4 py-3 dark:border-slate-800">
          <div>
            <label htmlFor="r-from" className={fieldLabelClass}>
              From (approved or settled)
            </label>
            <input id="r-from" name="from" type="date" defaultValue={range.text.from} className={fieldClass} />
          </div>
          <div>
            <label htmlFor="r-to" className={fieldLabelClass}>
              To
            </label>
            <input id="r-to" name="to" type="date" defaultValue={range.text.to} className={fieldClass} />
          </div>
          <button type="submit" className={buttonClass("primary", "sm")}>
            Apply
          </button>
          {query && (
            <Link href="/reconciliation" className={buttonClass("ghost", "sm")}>
              All dates
            </Link>
          )}
        </form>
        {gaps.length === 0 ? (
          <EmptyState title="Nothing to reconcile">{query ? "No gaps in these dates." : "Every approved intent was captured in full."}</EmptyState>
        ) : (
          <GapsTable gaps={gaps} canSettle={can(principal, "intent.settle")} />
        )}
      </Card>
    </>
  );
}
