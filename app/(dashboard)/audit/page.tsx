import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink, buttonClass } from "@/components/button";
import { Card } from "@/components/card";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { requireSession } from "@/lib/auth/require-session";
import { cleanSearchParams } from "@/lib/api/search-params";
import { isValidCursor } from "@/lib/api/keyset-cursor";
import { AUDIT_FILTER_KEYS, auditActions, listAuditEvents, type AuditSearchParams } from "@/lib/audit/list-audit-events";
import { withParams } from "@/lib/intents/intent-filters";
import { fieldClass } from "@/components/form-fields";
import { AuditTable } from "./audit-table";
import { auditEventNames } from "@/lib/audit/audit-event-names";
import { getOrgTimeZone } from "@/lib/organizations/get-org-time-zone";
import { can } from "@/lib/permissions/can";

export const metadata: Metadata = { title: "Audit log" };
const label = "mb-1 block text-xs font-medium text-slate-600 dark:text-slate-300";

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { db, readDb, principal } = await requireSession();
  const sp: AuditSearchParams = cleanSearchParams(await searchParams, AUDIT_FILTER_KEYS).params;
  if (sp.cursor && !isValidCursor(sp.cursor)) delete sp.cursor;
  // The log is a long read of a table that only grows: a replica may serve it (DATABASE_READ_URL).
  const events = await listAuditEvents(readDb, principal.orgId, sp);
  const [names, timeZone] = await Promise.all([auditEventNames(readDb, principal.orgId, events.data), getOrgTimeZone(db, principal.orgId)]);
  const actions = auditActions();
  const exportQuery = withParams({ ...sp, cursor: undefined }, {});
  // The evidence file takes only the date range: it must hold whole stretches of the chain between signed checkpoints.
  const evidenceQuery = withParams({ from: sp.from, to: sp.to }, {});
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change to intents, approvals, wallets, agents, keys and policies, with who made it."
        actions={
          <>
            {can(principal, "audit.verify", { orgId: principal.orgId }) && <ButtonLink href="/audit/verify">Verify chain</ButtonLink>}
            <ButtonLink href="/audit/evidence">Checkpoints &amp; keys</ButtonLink>
            <a
              href={`/api/v1/audit/export${evidenceQuery}`}
              className={buttonClass("primary", "md")}
              download
              title="One self-contained file of events, signed checkpoints and public keys; check it offline with npx aegis-audit-verify"
            >
              Export evidence
            </a>
            <a href={`/audit/export${exportQuery}`} className={buttonClass("secondary", "md")} download>
              Export CSV
            </a>
            <a href={`/audit/export${exportQuery}${exportQuery ? "&" : "?"}format=jsonl`} className={buttonClass("secondary", "md")} download>
              Export JSON lines
            </a>
          </>
        }
      />
      <Card>
        <form method="get" role="search" aria-label="Filter audit events" className="grid grid-cols-2 gap-3 p-4 sm:grid-cols-3 lg:grid-cols-6">
          <div>
            <label htmlFor="a-action" className={label}>
              Action
            </label>
            <select id="a-action" name="action" defaultValue={sp.action ?? ""} className={fieldClass}>
              <option value="">All actions</option>
              {actions.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="a-actor" className={label}>
              Actor
            </label>
            <input id="a-actor" name="actor" defaultValue={sp.actor} placeholder="email or agent" className={fieldClass} />
          </div>
          <div>
            <label htmlFor="a-target" className={label}>
              Target id
            </label>
            <input id="a-target" name="target" defaultValue={sp.target} placeholder="int_…, apr_…, UUID" className={fieldClass} />
          </div>
          <div>
            <label htmlFor="a-from" className={label}>
              From
            </label>
            <input id="a-from" name="from" type="date" defaultValue={sp.from} className={fieldClass} />
          </div>
          <div>
            <label htmlFor="a-to" className={label}>
              To
            </label>
            <input id="a-to" name="to" type="date" defaultValue={sp.to} className={fieldClass} />
          </div>
          <div className="flex items-end gap-2">
            <Link href="/audit" className={buttonClass("ghost", "sm")}>
              Clear
            </Link>
            <button type="submit" className={buttonClass("primary", "sm")}>
              Apply
            </button>
          </div>
        </form>
        <div className="border-t border-slate-200 dark:border-slate-800">
          {events.data.length === 0 ? (
            <EmptyState title="No events match">Nothing was recorded for these filters.</EmptyState>
          ) : (
            <AuditTable events={events.data} names={names} timeZone={timeZone} />
          )}
        </div>
        <nav aria-label="Pagination" className="flex items-center justify-between border-t border-slate-200 px-4 py-3 text-sm dark:border-slate-800">
          <span className="text-slate-500 dark:text-slate-400">
            {events.data.length} event{events.data.length === 1 ? "" : "s"}
            {sp.cursor ? " (older page)" : ""}
          </span>
          <div className="flex gap-2">
            {sp.cursor && (
              <ButtonLink size="sm" href={`/audit${withParams(sp, { cursor: undefined })}`}>
                Newest
              </ButtonLink>
            )}
            {events.next_cursor && (
              <ButtonLink size="sm" href={`/audit${withParams(sp, { cursor: events.next_cursor })}`}>
                Older →
              </ButtonLink>
            )}
          </div>
        </nav>
      </Card>
    </>
  );
}
