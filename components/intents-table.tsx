import Link from "next/link";
import { MoneyText } from "@/components/money-text";
import { IntentStateBadge } from "@/components/status-badge";
import type { IntentAnswers } from "@/lib/intents/list-intent-answers";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/table";
import type { IntentDto } from "@/lib/intents/intent-schemas";
import { humanize } from "@/lib/format/labels";
import { Time } from "@/components/org-time";

/**
 * Intents as rows; shared by the intents page and the agent page's recent intents. On a
 * phone each intent is a card row instead, so nothing is cut off at the right.
 */
export function IntentsTable({
  intents,
  agentNames,
  answers,
  sorting,
  showAgent = true,
}: {
  intents: IntentDto[];
  agentNames: Map<string, string>;
  /** Who answered each intent's approval (listIntentAnswers): a person's "no" names them. */
  answers?: Map<string, IntentAnswers>;
  /** Sortable columns: where a click on the header goes, and the current direction. */
  sorting?: Sorting;
  showAgent?: boolean;
}) {
  return (
    <>
      <ul aria-label="Intents" className="divide-y divide-slate-100 sm:hidden dark:divide-slate-800">
        {intents.map((i) => (
          <li key={i.id} className="px-4 py-3">
            <div className="flex items-start justify-between gap-3">
              <Link href={`/intents/${i.id}`} className="min-w-0 font-medium text-slate-900 hover:underline dark:text-white">
                {i.merchant ?? "Unknown merchant"}
              </Link>
              <MoneyText amount={i.amount} currency={i.currency} className="shrink-0 font-semibold" />
            </div>
            <p className="mt-0.5 truncate text-sm text-slate-600 dark:text-slate-300">{i.reason}</p>
            <div className="mt-1.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-500 dark:text-slate-400">
              <IntentStateBadge intent={i} rejectedBy={answers?.get(i.id)?.rejectedBy} />
              {showAgent && <span>{agentNames.get(i.agent_id) ?? "Agent"}</span>}
              <Time at={i.created_at} />
            </div>
          </li>
        ))}
      </ul>
      <div className="hidden sm:block">
        <IntentRows intents={intents} agentNames={agentNames} answers={answers} sorting={sorting} showAgent={showAgent} />
      </div>
    </>
  );
}

/** Five columns that fit beside the side navigation at 1280 px: agent under merchant, rule under status. */
function IntentRows({
  intents,
  agentNames,
  answers,
  sorting,
  showAgent,
}: {
  intents: IntentDto[];
  agentNames: Map<string, string>;
  answers?: Map<string, IntentAnswers>;
  sorting?: Sorting;
  showAgent: boolean;
}) {
  return (
    <Table label="Intents">
      <THead>
        <Th>Intent</Th>
        <Th>{showAgent ? "Merchant · agent" : "Merchant"}</Th>
        <Th align="right" aria-sort={ariaSort(sorting?.amount.dir)}>
          {sorting ? <SortHeader label="Amount" {...sorting.amount} /> : "Amount"}
        </Th>
        <Th>Status · rule</Th>
        <Th className="hidden lg:table-cell" aria-sort={ariaSort(sorting?.created.dir)}>
          {sorting ? <SortHeader label="Created" {...sorting.created} /> : "Created"}
        </Th>
      </THead>
      <TBody>
        {intents.map((i) => (
          <Tr key={i.id}>
            <Td className="max-w-[14rem]">
              <Link
                href={`/intents/${i.id}`}
                className="block truncate font-medium text-slate-900 hover:text-brand-700 hover:underline dark:text-white dark:hover:text-brand-300"
              >
                {i.reason}
              </Link>
              <span className="font-mono text-xs text-slate-500 dark:text-slate-400">{i.id}</span>
            </Td>
            <Td className="max-w-[13rem]">
              <div className="truncate text-slate-800 dark:text-slate-100">
                {i.merchant ?? "—"}
                {i.merchant_category && <span className="ml-1.5 text-xs text-slate-500 dark:text-slate-400">{i.merchant_category}</span>}
              </div>
              {showAgent && (
                <Link href={`/agents/${i.agent_id}`} className="block truncate text-xs text-slate-500 hover:underline dark:text-slate-400">
                  {agentNames.get(i.agent_id) ?? "Agent"}
                </Link>
              )}
            </Td>
            <Td align="right" className="font-medium">
              <MoneyText amount={i.amount} currency={i.currency} />
            </Td>
            <Td>
              <IntentStateBadge intent={i} rejectedBy={answers?.get(i.id)?.rejectedBy} />
              <div className="mt-0.5 text-xs whitespace-nowrap text-slate-500 dark:text-slate-400">{ruleLine(i)}</div>
            </Td>
            <Td className="hidden max-w-[9rem] text-xs text-slate-500 lg:table-cell dark:text-slate-400">
              <Time at={i.created_at} />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

type Dir = "asc" | "desc" | null;
type Sorting = { amount: { href: string; dir: Dir }; created: { href: string; dir: Dir } };
const ariaSort = (d?: Dir) => (d === "asc" ? "ascending" : d === "desc" ? "descending" : undefined);

function SortHeader({ label, href, dir }: { label: string; href: string; dir: Dir }) {
  return (
    <Link href={href} className="inline-flex items-center gap-1 hover:text-slate-900 dark:hover:text-white">
      {label}
      <span aria-hidden className={dir ? "text-slate-900 dark:text-white" : "text-slate-400"}>
        {dir === "asc" ? "↑" : dir === "desc" ? "↓" : "↕"}
      </span>
      <span className="sr-only">
        {dir === "desc" ? ", sorted high to low; click for low to high" : dir === "asc" ? ", sorted low to high" : ", click to sort"}
      </span>
    </Link>
  );
}

/** Under the badge: which rule decided, or for a person's answer which rule sent it to them. */
function ruleLine(i: IntentDto): string {
  if (!i.policy_decision) return "—";
  const rule = humanize(i.policy_decision.rule);
  return i.approval && i.approval.status !== "pending" ? `Sent to a person: ${rule.toLowerCase()}` : rule;
}
