import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/badge";
import { Card, CardBody, CardHeader } from "@/components/card";
import { EmptyState } from "@/components/empty-state";
import { MoneyText } from "@/components/money-text";
import { PageHeader } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/table";
import { requireSession } from "@/lib/auth/require-session";
import { can } from "@/lib/permissions/can";
import { getShadowReport } from "@/lib/policies/shadow/get-shadow-report";
import { StopShadowButton } from "./stop-shadow-button";
import { PromoteShadowButton } from "./promote-shadow-button";
import { getOrgPolicy } from "@/lib/policies/get-org-policy";
import { countActiveAdmins } from "@/lib/policies/proposals/count-active-admins";
import { describePolicyChanges } from "@/lib/policies/describe-policy-changes";
import { parsePolicyDocument, toPolicyDocument } from "@/lib/policies/engine";
import { getOrgCurrency } from "@/lib/organizations/get-org-currency";
import { listAgentNames } from "@/lib/agents/list-agent-names";
import { Time } from "@/components/org-time";
import { Fact } from "@/components/fact";

export const metadata: Metadata = { title: "Shadow policy" };

/** The draft running in shadow: where it disagrees with the live decisions. Admins only. */
export default async function ShadowPolicyPage() {
  const { db, principal } = await requireSession();
  if (!can(principal, "policy.shadow", { orgId: principal.orgId })) notFound();
  const [r, live, admins, currency, agents] = await Promise.all([
    getShadowReport(db, principal, principal.orgId),
    getOrgPolicy(db, principal.orgId),
    countActiveAdmins(db, principal.orgId),
    getOrgCurrency(db, principal.orgId),
    listAgentNames(db, principal),
  ]);
  const changes = r
    ? describePolicyChanges(
        toPolicyDocument(live.policy),
        toPolicyDocument(parsePolicyDocument(r.document)),
        currency,
        new Map(agents.map((a) => [a.id, a.name])),
      )
    : [];
  return (
    <>
      <PageHeader title="Shadow policy" description="A draft evaluated beside the live policy on every new decision, without effect." />
      {!r ? (
        <Card>
          <EmptyState title="No draft in shadow">
            Edit the policy on{" "}
            <Link className="text-brand-700 hover:underline dark:text-brand-300" href="/policies">
              Policies
            </Link>{" "}
            and choose “Run in shadow”.
          </EmptyState>
        </Card>
      ) : (
        <div className="space-y-6">
          <Card aria-labelledby="shadow-h">
            <CardHeader
              id="shadow-h"
              title={r.running ? "Running" : "Stopped"}
              description={
                <>
                  Started by {r.created_by} on <Time at={r.started_at} /> from version {r.based_on_version}
                  {r.stopped_at ? (
                    <>
                      ; stopped <Time at={r.stopped_at} />
                    </>
                  ) : null}
                  .
                </>
              }
              actions={
                <>
                  <Badge tone={r.running ? "blue" : "neutral"} dot>
                    {r.running ? "In shadow" : "Stopped"}
                  </Badge>
                  {r.running && can(principal, "policy.update", { orgId: principal.orgId }) && (
                    <PromoteShadowButton liveVersion={live.version} needsSecondAdmin={admins >= 2} changes={changes} />
                  )}
                  {r.running && <StopShadowButton />}
                </>
              }
            />
            <CardBody>
              <dl className="grid gap-3 text-sm sm:grid-cols-3">
                <Fact label="Decisions seen">{r.decisions.toLocaleString("en-IN")}</Fact>
                <Fact label="Disagreements">{r.disagreements_total.toLocaleString("en-IN")}</Fact>
                <Fact label="Agreement">{r.decisions ? `${Math.round(((r.decisions - r.disagreements_total) / r.decisions) * 100)}%` : "—"}</Fact>
              </dl>
              {r.by_outcome.length > 0 && (
                <ul aria-label="Live versus shadow outcomes" className="mt-4 flex flex-wrap gap-2 text-xs">
                  {r.by_outcome.map((p) => (
                    <li
                      key={`${p.live}-${p.shadow}`}
                      className="rounded-md bg-slate-50 px-2 py-1 ring-1 ring-inset ring-slate-200 dark:bg-slate-800 dark:ring-slate-700"
                    >
                      live {p.live} · shadow {p.shadow}: <strong>{p.count}</strong>
                    </li>
                  ))}
                </ul>
              )}
            </CardBody>
          </Card>
          <Card aria-labelledby="dis-h">
            <CardHeader id="dis-h" title="Latest disagreements" description="Intents the draft would have decided differently." />
            {r.disagreements.length === 0 ? (
              <EmptyState title="No disagreements yet">The draft has agreed with every live decision so far.</EmptyState>
            ) : (
              <Table label="Disagreements">
                <THead>
                  <Th>Intent</Th>
                  <Th>Agent</Th>
                  <Th align="right">Amount</Th>
                  <Th>Live</Th>
                  <Th>Shadow</Th>
                  <Th>Shadow’s reason</Th>
                </THead>
                <TBody>
                  {r.disagreements.map((d) => (
                    <Tr key={d.intent_id}>
                      <Td>
                        <Link className="font-mono text-xs text-brand-700 hover:underline dark:text-brand-300" href={`/intents/${d.intent_id}`}>
                          {d.intent_id}
                        </Link>
                        <div className="text-xs text-slate-500 dark:text-slate-400">
                          <Time at={d.decided_at} />
                        </div>
                      </Td>
                      <Td>{d.agent_name}</Td>
                      <Td align="right">
                        <MoneyText amount={d.amount} currency={d.currency} />
                      </Td>
                      <Td>
                        <StatusBadge status={d.live.outcome} />
                      </Td>
                      <Td>
                        <StatusBadge status={d.shadow.outcome} />
                      </Td>
                      <Td className="max-w-md text-xs text-slate-600 dark:text-slate-300">{d.shadow.reason}</Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            )}
          </Card>
        </div>
      )}
    </>
  );
}
