import type { Metadata } from "next";
import { Card, CardBody, CardHeader } from "@/components/card";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { requireSession } from "@/lib/auth/require-session";
import { assertCan, can } from "@/lib/permissions/can";
import { countActiveAdmins } from "@/lib/policies/proposals/count-active-admins";
import { RestoreButton } from "./restore-button";
import { describePolicyChange } from "@/lib/policies/diff-policy-documents";
import { listPolicyVersions } from "@/lib/policies/list-policy-versions";
import { Time } from "@/components/org-time";

export const metadata: Metadata = { title: "Policy versions" };

/** Every saved version with its author, time and what changed from the one before. */
export default async function PolicyVersionsPage() {
  const { db, principal } = await requireSession();
  assertCan(principal, "policy.read", { orgId: principal.orgId });
  const editing = can(principal, "policy.update", { orgId: principal.orgId });
  const [versions, admins] = await Promise.all([listPolicyVersions(db, principal.orgId), editing ? countActiveAdmins(db, principal.orgId) : 0]);
  const live = versions[0]?.version ?? 0;
  return (
    <>
      <PageHeader title="Policy versions" description="Each save is a version; the default policy applies until the first." />
      {versions.length === 0 ? (
        <Card>
          <EmptyState title="No saved versions">The default policy applies.</EmptyState>
        </Card>
      ) : (
        <ol className="space-y-4">
          {versions.map((v) => (
            <li key={v.version}>
              <Card aria-labelledby={`v${v.version}-h`}>
                <CardHeader
                  id={`v${v.version}-h`}
                  title={`Version ${v.version}`}
                  description={
                    <>
                      Saved by {v.created_by} on <Time at={v.created_at} />
                      {v.base_version === null ? "" : `, edited from version ${v.base_version}`}
                      {v.reason ? <span className="block">Reason: {v.reason}</span> : null}
                    </>
                  }
                  actions={editing && v.version !== live ? <RestoreButton version={v.version} liveVersion={live} needsSecondAdmin={admins >= 2} /> : undefined}
                />
                <CardBody>
                  {v.changes === null ? (
                    <p className="text-sm text-slate-500 dark:text-slate-400">Changes from the version before are beyond this list.</p>
                  ) : v.changes.length === 0 ? (
                    <p className="text-sm text-slate-500 dark:text-slate-400">Saved without changes.</p>
                  ) : (
                    <ul aria-label={`Changes in version ${v.version}`} className="space-y-1 font-mono text-xs text-slate-700 dark:text-slate-200">
                      {v.changes.map((c) => (
                        <li key={`${c.path}-${c.kind}`}>
                          <span
                            className={
                              c.kind === "removed" ? "text-rose-700 dark:text-rose-300" : c.kind === "added" ? "text-emerald-700 dark:text-emerald-300" : ""
                            }
                          >
                            {describePolicyChange(c)}
                          </span>
                        </li>
                      ))}
                    </ul>
                  )}
                </CardBody>
              </Card>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
