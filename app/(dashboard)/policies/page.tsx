import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardBody, CardHeader } from "@/components/card";
import { PageHeader } from "@/components/page-header";
import { requireSession } from "@/lib/auth/require-session";
import { can } from "@/lib/permissions/can";
import { describeRules } from "@/lib/policies/describe-rules";
import { formatMoney } from "@/lib/format/money";
import { Time } from "@/components/org-time";
import { getOrgPolicy } from "@/lib/policies/get-org-policy";
import { getOrganizationSummary } from "@/lib/organizations/get-organization-summary";
import { listAgentNames } from "@/lib/agents/list-agent-names";
import { toPolicyDocument } from "@/lib/policies/engine";
import { PolicyEditor } from "./policy-editor";
import { PolicyFormEditor } from "./policy-form-editor";
import { PendingChanges } from "./pending-changes";
import { listPolicyChanges } from "@/lib/policies/proposals/list-policy-changes";
import { countActiveAdmins } from "@/lib/policies/proposals/count-active-admins";
import { ButtonLink } from "@/components/button";

export const metadata: Metadata = { title: "Policies" };

export default async function PoliciesPage() {
  const { db, principal } = await requireSession();
  const [current, org] = await Promise.all([getOrgPolicy(db, principal.orgId), getOrganizationSummary(db, principal)]);
  // The editor's document states the currency, so whoever edits it knows what the amounts are in.
  const doc = toPolicyDocument(current.policy, org.currency);
  const overrideIds = Object.keys(doc.agent_overrides);
  const editing = can(principal, "policy.update", { orgId: principal.orgId });
  const reviewing = can(principal, "policy.review", { orgId: principal.orgId });
  const [agents, pendingChanges, admins] = await Promise.all([
    listAgentNames(db, principal, editing ? {} : { ids: overrideIds }),
    reviewing ? listPolicyChanges(db, principal, principal.orgId, { status: "pending" }) : [],
    editing ? countActiveAdmins(db, principal.orgId) : 0,
  ]);
  const name = new Map(agents.map((a) => [a.id, a.name]));
  const limit = (v: number | null, none: string) => (v === null ? none : formatMoney(v, org.currency));
  return (
    <>
      <PageHeader
        title="Policies"
        actions={
          <>
            <ButtonLink href="/policies/versions">Version history</ButtonLink>
            {can(principal, "policy.shadow", { orgId: principal.orgId }) && <ButtonLink href="/policies/shadow">Shadow</ButtonLink>}
          </>
        }
        description={
          current.version === 0 ? (
            "The default policy: no one has changed it yet."
          ) : (
            <>
              Version {current.version}, saved by {current.updatedBy} on <Time at={current.updatedAt!} />.
            </>
          )
        }
      />
      {reviewing && pendingChanges.length > 0 && (
        <Card className="mb-6" aria-labelledby="pending-h">
          <CardHeader
            id="pending-h"
            title="Waiting for a second admin"
            description="A policy change goes live only when an admin other than its proposer approves it."
          />
          <PendingChanges changes={pendingChanges.map(({ document: _document, ...c }) => c)} userId={principal.userId} />
        </Card>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card aria-labelledby="rules-h">
          <CardHeader
            id="rules-h"
            title="Organisation rules"
            description={`Checked in this order for every intent. Limits are in ${org.currency}, the organisation's currency: an intent in another currency is denied.`}
          />
          <Rules rows={describeRules(doc.rules, org.currency)} />
        </Card>
        <div className="space-y-6">
          <Card aria-labelledby="appr-h">
            <CardHeader id="appr-h" title="Approvals" />
            <Rules
              rows={[
                { field: "admin_threshold", label: "Only an admin may approve above", value: limit(doc.approvals.admin_threshold, "No threshold") },
                { field: "dual_approval_threshold", label: "Two approvers needed above", value: limit(doc.approvals.dual_approval_threshold, "Never") },
                { field: "expiry_hours", label: "An approval expires after", value: `${doc.approvals.expiry_hours} hours` },
              ]}
            />
          </Card>
          <Card aria-labelledby="ovr-h">
            <CardHeader
              id="ovr-h"
              title="Per-agent overrides"
              description="Limits and thresholds here replace the organisation's for that agent; blocked names and time windows only add to the organisation's."
            />
            {overrideIds.length === 0 ? (
              <CardBody>
                <p className="text-sm text-slate-500 dark:text-slate-400">No agent has its own rules.</p>
              </CardBody>
            ) : (
              overrideIds.map((id) => (
                <div key={id} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
                  <Link href={`/agents/${id}`} className="block px-5 pt-3 text-sm font-semibold text-brand-700 hover:underline dark:text-brand-300">
                    {name.get(id) ?? id}
                  </Link>
                  <Rules rows={describeRules(doc.agent_overrides[id], org.currency)} />
                </div>
              ))
            )}
          </Card>
        </div>
      </div>
      {editing && (
        <Card className="mt-6" aria-labelledby="edit-h">
          <CardHeader
            id="edit-h"
            title="Change the policy"
            description={`Amounts in ${org.currency}. Every change says why and becomes a new version with an audit event; intents awaiting approval keep the decision they were given.`}
          />
          <CardBody>
            <PolicyFormEditor
              key={current.version}
              initial={doc}
              version={current.version}
              currency={org.currency}
              agents={agents}
              needsSecondAdmin={admins >= 2}
            />
          </CardBody>
        </Card>
      )}
      {editing && (
        <Card className="mt-6" aria-labelledby="json-h">
          <CardHeader
            id="json-h"
            title="Edit as JSON"
            description="The whole document, amounts in minor units; backtest a draft or run it in shadow before proposing it."
          />
          <CardBody>
            <PolicyEditor key={current.version} version={current.version} initial={JSON.stringify(doc, null, 2)} />
          </CardBody>
        </Card>
      )}
    </>
  );
}

function Rules({ rows }: { rows: { field: string; label: string; value: string }[] }) {
  return (
    <dl className="divide-y divide-slate-100 dark:divide-slate-800">
      {rows.map((r) => (
        <div key={r.field} className="flex flex-col gap-0.5 px-5 py-2.5 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4">
          <dt className="text-sm text-slate-600 dark:text-slate-300">{r.label}</dt>
          <dd className="text-sm font-medium text-slate-900 sm:text-right dark:text-white tabular">{r.value}</dd>
        </div>
      ))}
    </dl>
  );
}
