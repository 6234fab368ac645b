import type { Metadata } from "next";
import { Badge } from "@/components/badge";
import { Card, CardHeader } from "@/components/card";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { listAgents } from "@/lib/agents/list-agents";
import { listAnswerers } from "@/lib/approver-groups/list-answerers";
import { listApproverGroups } from "@/lib/approver-groups/list-approver-groups";
import type { ApproverGroupDto } from "@/lib/approver-groups/approver-group-schemas";
import { requireSession } from "@/lib/auth/require-session";
import { getOrganizationSummary } from "@/lib/organizations/get-organization-summary";
import { can } from "@/lib/permissions/can";
import { listDelegations } from "@/lib/delegations/list-delegations";
import { formatMoney } from "@/lib/format/money";
import { DelegationForm } from "./delegation-form";
import { GroupForm } from "./group-form";
import { RemoveButton } from "./remove-button";
import { Time } from "@/components/org-time";

export const metadata: Metadata = { title: "Approval routing" };

function describeFilters(g: ApproverGroupDto, agentName: (id: string) => string) {
  const parts: string[] = [];
  if (g.agent_ids.length) parts.push(`agents ${g.agent_ids.map(agentName).join(", ")}`);
  if (g.merchant_categories.length) parts.push(`categories ${g.merchant_categories.join(", ")}`);
  if (g.currency && g.min_amount !== null) parts.push(`from ${formatMoney(g.min_amount, g.currency)}`);
  if (g.currency && g.max_amount !== null) parts.push(`up to ${formatMoney(g.max_amount, g.currency)}`);
  else if (g.currency && g.min_amount === null) parts.push(`${g.currency} only`);
  return parts.length ? parts.join(" · ") : "every approval (catch-all)";
}

export default async function RoutingPage() {
  const { db, principal } = await requireSession();
  const isAdmin = can(principal, "approver_group.manage", { orgId: principal.orgId });
  const mayDelegate = can(principal, "delegation.create");
  const [groups, delegations, people, agents, org] = await Promise.all([
    listApproverGroups(db, principal),
    listDelegations(db, principal, principal.orgId),
    listAnswerers(db, principal.orgId),
    listAgents(db, principal, { limit: 100 }),
    getOrganizationSummary(db, principal),
  ]);
  const agentName = (id: string) => agents.data.find((a) => a.id === id)?.name ?? id.slice(0, 8);
  const groupName = (id: string | null) => groups.data.find((g) => g.id === id)?.name ?? "every admin";
  return (
    <>
      <PageHeader
        title="Approval routing"
        description="Which people answer which approvals: groups matched by agent, merchant category and amount (first match wins), quorum, escalation, and out-of-office delegation. Admins can always answer."
      />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card aria-labelledby="groups-title">
          <CardHeader
            id="groups-title"
            title="Approver groups"
            description="Checked in priority order when an approval opens; no match means anyone with the required role."
          />
          {groups.data.length === 0 ? (
            <EmptyState title="No approver groups">Every approval goes to all approvers (and admins above the admin threshold).</EmptyState>
          ) : (
            <ol className="divide-y divide-slate-200 dark:divide-slate-800" aria-label="Approver groups">
              {groups.data.map((g) => (
                <li key={g.id} className="px-5 py-4" aria-label={g.name}>
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <div className="min-w-0">
                      <p className="font-semibold text-slate-900 dark:text-white">
                        {g.name} <span className="ml-1 text-xs font-normal text-slate-500 dark:text-slate-400">priority {g.priority}</span>
                      </p>
                      <p className="mt-0.5 text-sm text-slate-600 dark:text-slate-300">Routes {describeFilters(g, agentName)}</p>
                    </div>
                    <div className="flex items-center gap-2">
                      <Badge tone={g.quorum > 1 ? "purple" : "neutral"}>{g.quorum > 1 ? `${g.quorum} approvers needed` : "1 approver"}</Badge>
                      {isAdmin && <RemoveButton kind="group" id={g.id} label={`Delete group ${g.name}`} />}
                    </div>
                  </div>
                  <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">
                    <span className="text-slate-500 dark:text-slate-400">Members: </span>
                    {g.members.length ? (
                      g.members.map((m) => m.name || m.email).join(", ")
                    ) : (
                      <em>none (only admins can answer: edit the group to add members)</em>
                    )}
                  </p>
                  {g.escalate_after_minutes !== null && (
                    <p className="mt-1 text-sm text-amber-700 dark:text-amber-300">
                      Escalates to {groupName(g.escalate_to_group_id)} after {g.escalate_after_minutes} min waiting
                    </p>
                  )}
                  {isAdmin && (
                    <div className="mt-2">
                      <GroupForm
                        group={g}
                        people={people}
                        agents={agents.data.map((a) => ({ id: a.id, name: a.name }))}
                        groups={groups.data.map((x) => ({ id: x.id, name: x.name }))}
                        currency={org.currency}
                      />
                    </div>
                  )}
                </li>
              ))}
            </ol>
          )}
          {isAdmin && (
            <div className="border-t border-slate-200 px-5 py-4 dark:border-slate-800">
              <GroupForm
                people={people}
                agents={agents.data.map((a) => ({ id: a.id, name: a.name }))}
                groups={groups.data.map((g) => ({ id: g.id, name: g.name }))}
                currency={org.currency}
              />
            </div>
          )}
        </Card>

        <Card aria-labelledby="delegations-title">
          <CardHeader
            id="delegations-title"
            title="Out of office"
            description="While a delegation runs, the delegate answers the away person's group approvals."
          />
          {delegations.data.length === 0 ? (
            <EmptyState title="Nobody is away">Current and upcoming delegations appear here.</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-200 dark:divide-slate-800" aria-label="Delegations">
              {delegations.data.map((d) => (
                <li key={d.id} className="flex flex-wrap items-start justify-between gap-2 px-5 py-3 text-sm">
                  <div className="min-w-0">
                    <p className="font-medium text-slate-900 dark:text-white">
                      {d.from_user.name || d.from_user.email} → {d.to_user.name || d.to_user.email}
                    </p>
                    <p className="text-slate-500 dark:text-slate-400">
                      <Time at={d.starts_at} /> – <Time at={d.ends_at} />
                    </p>
                  </div>
                  <div className="flex items-center gap-2">
                    <Badge tone={d.active ? "green" : "neutral"}>{d.active ? "Active" : "Upcoming"}</Badge>
                    {can(principal, "delegation.end", { orgId: principal.orgId, fromUserId: d.from_user.id, toUserId: d.to_user.id }) && (
                      <RemoveButton kind="delegation" id={d.id} label={`End delegation to ${d.to_user.email}`} />
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )}
          {mayDelegate && (
            <div className="border-t border-slate-200 px-5 py-4 dark:border-slate-800">
              <DelegationForm people={people.filter((p) => p.id !== principal.userId || isAdmin)} me={principal.userId} canChooseFrom={isAdmin} />
            </div>
          )}
        </Card>
      </div>
    </>
  );
}
