import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, CardBody } from "@/components/card";
import { Time } from "@/components/org-time";
import { PageHeader } from "@/components/page-header";
import { getAuditVerificationState } from "@/lib/audit/get-audit-verification-state";
import { requestAuditVerification } from "@/lib/audit/request-audit-verification";
import { requireSession } from "@/lib/auth/require-session";
import { can } from "@/lib/permissions/can";
import { ChainReportCard } from "./chain-report-card";
import { CheckAgainButton } from "./check-again-button";
import { RefreshWhileChecking } from "./refresh-while-checking";

export const metadata: Metadata = { title: "Audit chain" };

/**
 * Admins check the organisation's audit hash chain; a break names the first bad event. The
 * check reads every event (minutes at millions), so it runs in a background job and the page
 * shows the stored result; it refreshes itself while a check is open.
 */
export default async function VerifyAuditPage() {
  const { db, principal } = await requireSession();
  if (!can(principal, "audit.verify", { orgId: principal.orgId })) notFound();
  const state = await getAuditVerificationState(db, principal, principal.orgId);
  const first = !state.latest && !state.open;
  const open = first ? await requestAuditVerification(db, principal, principal.orgId) : state.open;
  return (
    <>
      <PageHeader
        title="Audit chain"
        description="Each audit event carries a hash of its contents chained to the event before it; changing, removing or reordering any sealed event breaks the chain here."
        actions={<CheckAgainButton checking={open !== null} />}
      />
      <RefreshWhileChecking checking={open !== null} />
      {open && (
        <Card className="mb-6">
          <CardBody>
            <p role="status" className="flex items-center gap-2 text-sm font-medium text-slate-900 dark:text-white">
              <span aria-hidden className="size-2 animate-pulse rounded-full bg-brand-500" />
              <span>
                Checking the chain… {open.started_at ? "started" : "requested"} <Time at={open.started_at ?? open.requested_at} />
              </span>
            </p>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
              {first ? "No check has run for this organisation yet, so opening this page requested the first one. " : ""}
              Every sealed event is hashed again in the background (minutes for millions of events); this page updates itself when it is done.
            </p>
          </CardBody>
        </Card>
      )}
      {state.latest && <ChainReportCard report={state.latest} />}
      <p className="mt-6 text-sm text-slate-600 dark:text-slate-400">
        The signed checkpoints, the signing keys and the retention are under{" "}
        <Link href="/audit/evidence" className="font-medium text-brand-700 underline dark:text-brand-300">
          Audit evidence
        </Link>
        .
      </p>
    </>
  );
}
