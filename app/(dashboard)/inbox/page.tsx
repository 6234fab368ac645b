import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { cn } from "@/components/cn";
import { requireSession } from "@/lib/auth/require-session";
import { inboxSearch, parseInboxQuery } from "@/lib/approvals/inbox-query";
import { COUNT_CAP, loadInbox } from "@/lib/approvals/load-inbox";
import { listAgentNames } from "@/lib/agents/list-agent-names";
import { toMajorDecimal } from "@/lib/format/money";
import { getOrgCurrency } from "@/lib/organizations/get-org-currency";

import { FilterChips } from "./filter-chips";
import { InboxList } from "./inbox-list";

export const metadata: Metadata = { title: "Approval inbox" };

type SP = Record<string, string | string[] | undefined>;
const shown = (n: number) => (n >= COUNT_CAP ? `${COUNT_CAP - 1}+` : String(n));

export default async function InboxPage({ searchParams }: { searchParams: Promise<SP> }) {
  const { db, principal } = await requireSession();
  const currency = await getOrgCurrency(db, principal.orgId);
  const q = parseInboxQuery(await searchParams, currency);
  const viewer = principal.role === "viewer";
  const view = viewer ? "others" : q.view;
  const [page, agents] = await Promise.all([loadInbox(db, principal, { ...q, cursor: undefined }), listAgentNames(db, principal, { take: 50 })]);
  // Amounts travel in the URL in major units of the organisation's currency, as people type them (q holds minor units).
  const major = (minor?: number) => (minor === undefined ? undefined : toMajorDecimal(minor, currency));
  const filters = { agent: q.agent, min: major(q.min), max: major(q.max), rule: q.rule, waiting: q.waiting };
  const base = { view: view === "yours" ? undefined : view, sort: q.sort === "oldest" ? undefined : q.sort };
  const search = inboxSearch({ ...base, ...filters });
  const href = (change: Record<string, string | number | undefined>) => {
    const s = inboxSearch({ ...base, ...filters, ...change });
    return s ? `/inbox?${s}` : "/inbox";
  };
  return (
    <>
      <PageHeader
        title="Approval inbox"
        description={
          viewer
            ? "Spend intents waiting for an approver. You have read-only access."
            : "Spend intents the policy engine sent to a person. Approve or reject each before it expires."
        }
        actions={
          <div role="group" aria-label="Sort" className="inline-flex rounded-lg bg-slate-100 p-1 text-sm dark:bg-slate-800">
            {(["oldest", "amount"] as const).map((s) => (
              <Link
                key={s}
                href={href({ sort: s === "oldest" ? undefined : s })}
                aria-current={q.sort === s ? "true" : undefined}
                className={segment(q.sort === s)}
              >
                {s === "oldest" ? "Oldest first" : "Largest amount"}
              </Link>
            ))}
          </div>
        }
      />
      {!viewer && (
        <nav aria-label="Inbox views" className="mb-3 flex flex-wrap gap-2 text-sm">
          <Link href={href({ view: undefined })} aria-current={view === "yours" ? "page" : undefined} className={tab(view === "yours")}>
            For you <Count n={shown(page.counts.yours)} on={view === "yours"} />
          </Link>
          <Link
            href={href({ view: "others" })}
            aria-current={view === "others" ? "page" : undefined}
            className={tab(view === "others")}
            data-testid="waiting-on-others"
          >
            Waiting on others <Count n={shown(page.counts.others)} on={view === "others"} />
          </Link>
        </nav>
      )}
      {!viewer && view === "yours" && page.counts.others > 0 && (
        <p className="mb-3 text-sm text-slate-500 dark:text-slate-400">
          {shown(page.counts.others)} more wait for someone else (an admin, a second approver, or not you because you submitted or already answered them).
        </p>
      )}
      <FilterChips q={q} agents={agents} href={href} currency={currency} />
      <InboxList
        key={search}
        initial={page}
        search={search}
        emptyText={
          view === "yours"
            ? "Nothing is waiting for you. New items appear here on their own — there is no need to reload."
            : "Nothing is waiting on anyone else."
        }
      />
    </>
  );
}

const segment = (on: boolean) =>
  cn(
    "rounded-md px-3 py-1.5 font-medium",
    on ? "bg-white text-slate-900 shadow-sm dark:bg-slate-950 dark:text-white" : "text-slate-600 hover:text-slate-900 dark:text-slate-300",
  );
const tab = (on: boolean) =>
  cn(
    "inline-flex items-center gap-2 rounded-lg px-3 py-1.5 font-medium ring-1 ring-inset",
    on
      ? "bg-brand-600 text-white ring-brand-600 dark:bg-brand-500"
      : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50 dark:bg-slate-900 dark:text-slate-200 dark:ring-slate-700",
  );

function Count({ n, on }: { n: string; on: boolean }) {
  return (
    <span
      className={cn(
        "rounded-full px-2 py-0.5 text-xs font-semibold tabular",
        on ? "bg-white text-brand-800" : "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200",
      )}
    >
      {n}
    </span>
  );
}
