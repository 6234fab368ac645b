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
import { FiltersToggle } from "./filters-toggle";
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
  // Sorting keeps the filters; a sort link names its own order.
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
        <p className="mb-3 hidden text-sm text-slate-500 sm:block dark:text-slate-400">
          {shown(page.counts.others)} more wait for someone else (an admin, a second approver, or not you because you submitted or already answered them).
        </p>
      )}
      <FiltersToggle active={[q.agent, q.min, q.max, q.rule, q.waiting].filter((v) => v !== undefined).length}>
        <FilterChips q={q} agents={agents} href={href} currency={currency} />
      </FiltersToggle>
      <InboxList
        key={search}
        initial={page}
        search={search}
        sortHeader={
          <>
            <span>Approval</span>
            <span className="flex items-center gap-4" role="group" aria-label="Sort">
              <SortLink href={href({ sort: "amount" })} on={q.sort === "amount"} label="Amount, largest first">
                Amount {q.sort === "amount" ? "↓" : ""}
              </SortLink>
              <SortLink
                href={href({ sort: q.sort === "oldest" ? "newest" : undefined })}
                on={q.sort !== "amount"}
                label={q.sort === "oldest" ? "Waiting, newest first" : "Waiting, oldest first"}
              >
                Waiting {q.sort === "oldest" ? "↓ longest" : q.sort === "newest" ? "↑ shortest" : ""}
              </SortLink>
              <span className="w-40 text-right">Answer</span>
            </span>
          </>
        }
        emptyText={
          view === "yours"
            ? "Nothing is waiting for you. New items appear here on their own — there is no need to reload."
            : "Nothing is waiting on anyone else."
        }
      />
    </>
  );
}

/** A column header that sorts the list (the order lives in the URL, like the filters). */
function SortLink({ href, on, label, children }: { href: string; on: boolean; label: string; children: React.ReactNode }) {
  return (
    <Link
      href={href}
      aria-label={label}
      aria-current={on ? "true" : undefined}
      className={cn("hover:text-slate-900 dark:hover:text-white", on && "text-slate-900 dark:text-white")}
    >
      {children}
    </Link>
  );
}
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
