import Link from "next/link";
import { Badge } from "@/components/badge";
import { Card, CardBody, CardHeader } from "@/components/card";
import { Time } from "@/components/org-time";
import type { AuditVerificationView } from "@/lib/audit/serialize-audit-verification";
import { Fact } from "@/components/fact";

/** The latest finished check: intact or broken (naming the first bad event), or a run that failed. */
export function ChainReportCard({ report }: { report: AuditVerificationView }) {
  const broken = report.first_broken;
  const failed = report.ok === null;
  return (
    <Card aria-labelledby="chain-h">
      <CardHeader
        id="chain-h"
        title={failed ? "The last check did not finish" : report.ok ? "The chain is intact" : "The chain is broken"}
        description={
          <>
            Checked <Time at={report.finished_at!} /> (took {took(report)}), requested by {report.requested_by}
          </>
        }
        actions={
          <Badge tone={failed ? "amber" : report.ok ? "green" : "red"} dot>
            {failed ? "Failed" : report.ok ? "Intact" : "Broken"}
          </Badge>
        }
      />
      <CardBody>
        {failed ? (
          <p role="alert" className="text-sm text-amber-900 dark:text-amber-200">
            {report.error}. Check again, or run <code className="font-mono">npm run aegis -- audit verify</code>.
          </p>
        ) : (
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
        )}
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
  );
}

/** How long the run that stored this result took, as a person reads it. */
function took(r: AuditVerificationView): string {
  const ms = Math.max(0, r.finished_at!.getTime() - (r.started_at ?? r.requested_at).getTime());
  if (ms < 1_000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 120_000) return `${Math.round(ms / 1000)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}
