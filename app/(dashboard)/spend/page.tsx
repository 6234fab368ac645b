import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardBody, CardHeader } from "@/components/card";
import { MoneyText } from "@/components/money-text";
import { PageHeader } from "@/components/page-header";
import { SpendBreakdown } from "@/components/spend-breakdown";
import { SpendChart } from "@/components/spend-chart";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/table";
import { UsageBar } from "@/components/usage-bar";
import { requireSession } from "@/lib/auth/require-session";
import { loadSpendByDimension } from "@/lib/counters/load-spend-by-dimension";
import { loadSpendDashboard } from "@/lib/counters/load-spend-dashboard";
import { getOrgCurrency } from "@/lib/organizations/get-org-currency";
import { getOrgTimeZone } from "@/lib/organizations/get-org-time-zone";

export const metadata: Metadata = { title: "Spend" };

/** Where the money goes: spend per day, by category, merchant and agent against budget, and the approval trend; read from the counters. */
/** Agents listed before "Show all": the largest spenders; an organisation may run hundreds of agents. */
const TOP_AGENTS = 25;

export default async function SpendPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { db, principal } = await requireSession();
  const showAll = (await searchParams).agents === "all";
  const [currency, timeZone] = await Promise.all([getOrgCurrency(db, principal.orgId), getOrgTimeZone(db, principal.orgId)]);
  const [d, byCategory, byMerchant] = await Promise.all([
    loadSpendDashboard(db, principal.orgId, currency, timeZone),
    loadSpendByDimension(db, principal.orgId, currency, timeZone, "category"),
    loadSpendByDimension(db, principal.orgId, currency, timeZone, "merchant"),
  ]);
  return (
    <>
      <PageHeader
        title="Spend"
        description={`What your agents committed (approved, and held while a person decides) over the last ${d.days} days, in ${currency} and the organisation's calendar.`}
      />
      <Card aria-labelledby="spend-day-h">
        <CardHeader id="spend-day-h" title="Spend per day" description="Every agent together. Hover a bar for the day's amount." />
        <CardBody>
          <SpendChart data={d.spend} currency={currency} />
        </CardBody>
      </Card>
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Card aria-labelledby="waiting-h">
          <CardHeader id="waiting-h" title="Still waiting for a person" description="Approvals open now, by the day they were submitted." />
          <CardBody>
            <SpendChart data={d.waiting} currency={currency} unit="count" what="Approvals still waiting" />
          </CardBody>
        </Card>
        <Card aria-labelledby="rejected-h">
          <CardHeader id="rejected-h" title="Rejected by a person" description="Approvals people said no to, by the day they were submitted." />
          <CardBody>
            <SpendChart data={d.rejected} currency={currency} unit="count" what="Rejections" />
          </CardBody>
        </Card>
      </div>
      <div className="mt-6 grid gap-6 xl:grid-cols-2">
        <Card className="min-w-0" aria-labelledby="category-h">
          <CardHeader id="category-h" title="By category" description="Spend per day split by merchant category, with each one's share of the window." />
          <SpendBreakdown data={byCategory} currency={currency} noun="category" />
        </Card>
        <Card className="min-w-0" aria-labelledby="merchant-h">
          <CardHeader id="merchant-h" title="By merchant" description="Spend per day split by merchant: the ten largest, the rest summed as Other." />
          <SpendBreakdown data={byMerchant} currency={currency} noun="merchant" />
        </Card>
      </div>
      <Card className="mt-6" aria-labelledby="agents-h">
        <CardHeader
          id="agents-h"
          title="By agent"
          description={`Spend over the window, and this month against the agent's monthly budget${showAll || d.byAgent.length <= TOP_AGENTS ? "" : `: the ${TOP_AGENTS} largest of ${d.byAgent.length}`}.`}
          actions={
            d.byAgent.length > TOP_AGENTS && (
              <Link
                href={showAll ? "/spend#agents-h" : "/spend?agents=all#agents-h"}
                className="text-sm font-medium text-brand-700 hover:underline dark:text-brand-300"
              >
                {showAll ? `Show the ${TOP_AGENTS} largest` : `Show all ${d.byAgent.length} agents`}
              </Link>
            )
          }
        />
        <Table label="Spend by agent">
          <THead>
            <Th>Agent</Th>
            <Th align="right">Last {d.days} days</Th>
            <Th className="w-2/5">This month against budget</Th>
          </THead>
          <TBody>
            {(showAll ? d.byAgent : d.byAgent.slice(0, TOP_AGENTS)).map((a) => (
              <Tr key={a.agentId}>
                <Td className="max-w-[14rem]">
                  <Link href={`/agents/${a.agentId}`} className="block truncate font-medium text-slate-900 hover:underline dark:text-white">
                    {a.name}
                  </Link>
                </Td>
                <Td align="right" className="font-medium">
                  <MoneyText amount={a.last30} currency={currency} />
                </Td>
                <Td>
                  <UsageBar label="This month" spent={a.month} limit={a.monthlyBudget} currency={currency} compact />
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </Card>
    </>
  );
}
