import type { Metadata } from "next";
import { ButtonLink, buttonClass } from "@/components/button";
import { Card } from "@/components/card";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { requireSession } from "@/lib/auth/require-session";
import { intentFilterOptions } from "@/lib/intents/intent-filter-options";
import { cleanSearchParams } from "@/lib/api/search-params";
import { parseIntentFilters, withParams } from "@/lib/intents/intent-filters";
import { listIntentsPage, type IntentSort } from "@/lib/intents/list-intents-page";
import { listIntentAnswers } from "@/lib/intents/list-intent-answers";
import { getOrgCurrency } from "@/lib/organizations/get-org-currency";
import { listSavedViews } from "@/lib/saved-views/list-saved-views";
import { normalizeViewQuery } from "@/lib/saved-views/normalize-view-query";
import { IntentFiltersForm } from "./intent-filters-form";
import { SavedViews } from "./saved-views";
import { IntentsTable } from "@/components/intents-table";

export const metadata: Metadata = { title: "Intents" };

const KEYS = ["status", "agent", "category", "from", "to", "min", "max", "cursor", "q", "sort"] as const;

export default async function IntentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { db, readDb, principal } = await requireSession();
  const raw = await searchParams;
  const missing = typeof raw.missing === "string" ? raw.missing : undefined; // from the "go to an intent" box
  const { params: sp, dropped } = cleanSearchParams({ ...raw, missing: undefined }, KEYS);
  const currency = await getOrgCurrency(db, principal.orgId);
  const parsed = parseIntentFilters(sp, currency);
  const { filters } = parsed;
  const ignored = [...dropped, ...parsed.ignored];
  const [list, options, views] = await Promise.all([
    listIntentsPage(readDb, principal, filters, currency), // the long list may come from a replica
    intentFilterOptions(db, principal.orgId),
    listSavedViews(db, principal),
  ]);
  const sort = filters.sort ?? "newest";
  // Column headers sort (a second click turns the order round) from the first page; the filters stay.
  const sortHref = (next: IntentSort) => `/intents${withParams(sp, { cursor: undefined, sort: next === "newest" ? undefined : next })}`;
  const sorting = {
    amount: {
      href: sortHref(sort === "amount_desc" ? "amount_asc" : "amount_desc"),
      dir: sort === "amount_desc" ? "desc" : sort === "amount_asc" ? "asc" : null,
    },
    created: { href: sortHref(sort === "newest" ? "oldest" : "newest"), dir: sort === "newest" ? "desc" : sort === "oldest" ? "asc" : null },
  } as const;
  const names = new Map(options.agents.map((a) => [a.id, a.name]));
  const answers = await listIntentAnswers(
    db,
    principal.orgId,
    list.data.map((i) => i.id),
  );
  return (
    <>
      <PageHeader
        title="Intents"
        description="Every spend request your agents made, and what the policy engine or a person decided."
        actions={
          <a href={`/intents/export${withParams({ ...sp, cursor: undefined }, {})}`} className={buttonClass("secondary", "md")} download>
            Export CSV
          </a>
        }
      />
      {missing !== undefined && (
        <p role="status" className="mb-4 rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:bg-amber-950/50 dark:text-amber-200">
          {missing ? (
            <>
              No intent or approval with the id <span className="font-mono">{missing}</span> in this organisation.
            </>
          ) : (
            "Type an intent id (int_…) or approval id (apr_…) to open it."
          )}
        </p>
      )}
      <Card>
        <SavedViews views={views} current={normalizeViewQuery(withParams({ ...sp, cursor: undefined }, {}))} />
        <IntentFiltersForm sp={sp} options={options} currency={currency} />
        {ignored.length > 0 && (
          <p role="status" className="border-t border-slate-200 px-4 py-2 text-sm text-amber-700 dark:border-slate-800 dark:text-amber-400">
            Ignored filters that could not be read: {ignored.join(", ")}.
          </p>
        )}
        <div className="border-t border-slate-200 dark:border-slate-800">
          {list.data.length === 0 ? (
            <EmptyState title={filters.q ? `Nothing matches “${filters.q}”` : "No intents match these filters"}>
              Search looks in ids, merchants, agent names and reasons, and for an exact amount. Try fewer words, a wider date range or clear the filters.
            </EmptyState>
          ) : (
            <IntentsTable intents={list.data} agentNames={names} answers={answers} sorting={sorting} />
          )}
        </div>
        <nav aria-label="Pagination" className="flex items-center justify-between border-t border-slate-200 px-4 py-3 text-sm dark:border-slate-800">
          <span className="text-slate-500 dark:text-slate-400">
            Showing {list.data.length} intent{list.data.length === 1 ? "" : "s"}
            {sp.cursor ? " (older page)" : ""}
          </span>
          <div className="flex gap-2">
            {sp.cursor && (
              <ButtonLink size="sm" href={`/intents${withParams(sp, { cursor: undefined })}`}>
                Newest
              </ButtonLink>
            )}
            {list.next_cursor && (
              <ButtonLink size="sm" href={`/intents${withParams(sp, { cursor: list.next_cursor })}`}>
                Older →
              </ButtonLink>
            )}
          </div>
        </nav>
      </Card>
    </>
  );
}
