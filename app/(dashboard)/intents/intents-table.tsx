import Link from "next/link";
import { MoneyText } from "@/components/money-text";
import { StatusBadge } from "@/components/status-badge";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/table";
import type { IntentDto } from "@/lib/intents/intent-schemas";
import { humanize } from "@/lib/format/labels";
import { formatDateTime } from "@/lib/format/time";

/** Intents as rows; shared by the intents page and the agent page's recent intents. */
export function IntentsTable({ intents, agentNames, showAgent = true }: { intents: IntentDto[]; agentNames: Map<string, string>; showAgent?: boolean }) {
  return (
    <Table label="Intents">
      <THead>
        <Th>Intent</Th>
        {showAgent && <Th className="hidden md:table-cell">Agent</Th>}
        <Th className="hidden sm:table-cell">Merchant</Th>
        <Th align="right">Amount</Th>
        <Th>Status</Th>
        <Th className="hidden xl:table-cell">Deciding rule</Th>
        <Th className="hidden lg:table-cell">Created</Th>
      </THead>
      <TBody>
        {intents.map((i) => (
          <Tr key={i.id}>
            <Td className="max-w-[16rem]">
              <Link href={`/intents/${i.id}`} className="block truncate font-medium text-slate-900 hover:text-brand-700 hover:underline dark:text-white dark:hover:text-brand-300">
                {i.reason}
              </Link>
              <span className="font-mono text-xs text-slate-500 dark:text-slate-400">{i.id}</span>
              <span className="block truncate text-xs text-slate-500 sm:hidden dark:text-slate-400">
                {i.merchant ?? "—"}
                {showAgent ? ` · ${agentNames.get(i.agent_id) ?? "Agent"}` : ""}
              </span>
            </Td>
            {showAgent && (
              <Td className="hidden whitespace-nowrap md:table-cell">
                <Link href={`/agents/${i.agent_id}`} className="text-slate-700 hover:underline dark:text-slate-200">
                  {agentNames.get(i.agent_id) ?? "Agent"}
                </Link>
              </Td>
            )}
            <Td className="hidden whitespace-nowrap sm:table-cell">
              <div className="text-slate-800 dark:text-slate-100">{i.merchant ?? "—"}</div>
              <div className="text-xs text-slate-500 dark:text-slate-400">{i.merchant_category ?? ""}</div>
            </Td>
            <Td align="right" className="font-medium">
              <MoneyText amount={i.amount} currency={i.currency} />
            </Td>
            <Td>
              <StatusBadge status={i.status} />
            </Td>
            <Td className="hidden whitespace-nowrap text-slate-600 xl:table-cell dark:text-slate-300">{i.policy_decision ? humanize(i.policy_decision.rule) : "—"}</Td>
            <Td className="hidden whitespace-nowrap text-slate-500 lg:table-cell dark:text-slate-400">{formatDateTime(i.created_at)}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
