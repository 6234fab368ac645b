import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/badge";
import { Card, CardBody, CardHeader } from "@/components/card";
import { EmptyState } from "@/components/empty-state";
import { MoneyText } from "@/components/money-text";
import { PageHeader } from "@/components/page-header";
import { SettlementSummaryView } from "@/components/settlement-summary";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/table";
import { requireSession } from "@/lib/auth/require-session";
import { listSettlementGaps } from "@/lib/intents/list-settlement-gaps";
import { loadSettlementSummary } from "@/lib/intents/load-settlement-summary";
import { Time } from "@/components/org-time";

export const metadata: Metadata = { title: "Reconciliation" };

const KIND = {
  uncaptured: { tone: "amber", label: "Awaiting capture" },
  partial: { tone: "blue", label: "Partly paid" },
  voided: { tone: "neutral", label: "Voided" },
} as const;

/** Approved is not paid: where what was approved and what agents reported paying differ. */
export default async function ReconciliationPage() {
  const { db, principal } = await requireSession();
  const [summary, gaps] = await Promise.all([loadSettlementSummary(db, principal.orgId), listSettlementGaps(db, principal.orgId)]);
  return (
    <>
      <PageHeader
        title="Reconciliation"
        description="Approved against captured: approvals no agent has captured or voided yet, partial captures and voids (the unpaid part went back to the wallet)."
      />
      <Card aria-labelledby="totals-h">
        <CardHeader id="totals-h" title="Totals" description="All approved intents of the organisation." />
        <CardBody className="space-y-6">
          {summary.length ? (
            summary.map((s) => <SettlementSummaryView key={s.currency} s={s} />)
          ) : (
            <p className="text-sm text-slate-500">Nothing has been approved yet.</p>
          )}
        </CardBody>
      </Card>
      <Card className="mt-6" aria-labelledby="gaps-h">
        <CardHeader id="gaps-h" title="Gaps" description="Uncaptured approvals oldest first (up to 100), then partial captures and voids, newest first." />
        {gaps.length === 0 ? (
          <EmptyState title="Nothing to reconcile">Every approved intent was captured in full.</EmptyState>
        ) : (
          <Table label="Settlement gaps">
            <THead>
              <Th>Intent</Th>
              <Th>State</Th>
              <Th align="right">Approved</Th>
              <Th align="right">Captured</Th>
              <Th align="right">Gap</Th>
              <Th className="hidden md:table-cell">Approved at</Th>
            </THead>
            <TBody>
              {gaps.map((g) => (
                <Tr key={g.intentId}>
                  <Td>
                    <Link href={`/intents/${g.intentId}`} className="font-medium text-slate-900 hover:underline dark:text-white">
                      {g.merchant ?? g.intentId}
                    </Link>
                    <div className="text-xs text-slate-500 dark:text-slate-400">
                      <Link href={`/agents/${g.agentId}`} className="hover:underline">
                        {g.agentName}
                      </Link>
                    </div>
                  </Td>
                  <Td>
                    <Badge tone={KIND[g.kind].tone} dot>
                      {KIND[g.kind].label}
                    </Badge>
                  </Td>
                  <Td align="right">
                    <MoneyText amount={g.approved} currency={g.currency} />
                  </Td>
                  <Td align="right">{g.captured === null ? "—" : <MoneyText amount={g.captured} currency={g.currency} />}</Td>
                  <Td align="right" className="font-medium">
                    <MoneyText amount={g.approved - (g.captured ?? 0)} currency={g.currency} />
                  </Td>
                  <Td className="hidden text-slate-500 md:table-cell dark:text-slate-400">
                    <Time at={g.decidedAt} />
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
    </>
  );
}
