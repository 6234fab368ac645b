import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/badge";
import { ButtonLink } from "@/components/button";
import { Card, CardBody, CardHeader } from "@/components/card";
import { PageHeader } from "@/components/page-header";
import { requireSession } from "@/lib/auth/require-session";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { can } from "@/lib/permissions/can";
import { Time } from "@/components/org-time";

export const metadata: Metadata = { title: "Audit chain" };

/** Admins check the organisation's audit hash chain; a break names the first bad event. */
export default async function VerifyAuditPage() {
  const { db, principal } = await requireSession();
  if (!can(principal, "audit.verify", { orgId: principal.orgId })) notFound();
  const report = await verifyAuditChain(db, principal, principal.orgId);
  const broken = report.first_broken;
  return (
    <>
      <PageHeader
        title="Audit chain"
        description="Each audit event carries a hash of its contents chained to the event before it; changing, removing or reordering any sealed event breaks the chain here."
        actions={<ButtonLink href="/audit/verify">Check again</ButtonLink>}
      />
      <Card aria-labelledby="chain-h">
        <CardHeader
          id="chain-h"
          title={report.ok ? "The chain is intact" : "The chain is broken"}
          actions={
            <Badge tone={report.ok ? "green" : "red"} dot>
              {report.ok ? "Intact" : "Broken"}
            </Badge>
          }
        />
        <CardBody>
          <dl className="grid gap-3 text-sm sm:grid-cols-3">
            <Fact label="Events checked">{report.checked.toLocaleString("en-IN")}</Fact>
            <Fact label="Not sealed yet">{report.pending.toLocaleString("en-IN")}</Fact>
            <Fact label="Head">
              {report.head ? (
                <code className="break-all font-mono text-xs">
                  #{report.head.seq} {report.head.hash}
                </code>
              ) : (
                "—"
              )}
            </Fact>
          </dl>
          {broken && (
            <div role="alert" className="mt-4 rounded-lg border border-rose-200 bg-rose-50 p-4 text-sm dark:border-rose-900 dark:bg-rose-950/50">
              <p className="font-medium text-rose-900 dark:text-rose-200">
                First broken link: event #{broken.seq} ({broken.action}, <Time at={broken.created_at} />)
              </p>
              <p className="mt-1 text-rose-800 dark:text-rose-300">{broken.detail}.</p>
              <p className="mt-2">
                <Link className="font-medium text-brand-700 hover:underline dark:text-brand-300" href={`/audit?target=${encodeURIComponent(broken.id)}`}>
                  Event id <code className="font-mono">{broken.id}</code>
                </Link>
              </p>
            </div>
          )}
          <p className="mt-4 text-xs text-slate-500 dark:text-slate-400">
            New events are sealed by a background job within seconds of being recorded. Keep the head hash somewhere else (or run{" "}
            <code className="font-mono">npm run aegis -- audit verify</code> from a scheduler) to notice a rewrite of the whole tail.
          </p>
        </CardBody>
      </Card>
    </>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="mt-0.5 font-medium text-slate-900 tabular dark:text-white">{children}</dd>
    </div>
  );
}
