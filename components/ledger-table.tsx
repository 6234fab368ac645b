import { Badge, type Tone } from "./badge";
import { EmptyState } from "./empty-state";
import { MoneyText } from "./money-text";
import { Table, TBody, THead, Td, Th, Tr } from "./table";
import { Time } from "./org-time";

export type LedgerLine = { id: string; kind: string; amount: number; balanceAfter: number; heldAfter: number; memo: string; actor: string; createdAt: string };

const KIND: Record<string, { tone: Tone; label: string; sign: string }> = {
  credit: { tone: "green", label: "Credit", sign: "+" },
  debit: { tone: "red", label: "Debit", sign: "−" },
  hold: { tone: "amber", label: "Hold", sign: "" },
  release: { tone: "neutral", label: "Release", sign: "" },
  capture: { tone: "blue", label: "Captured", sign: "" },
  reversal: { tone: "green", label: "Returned", sign: "+" },
};

/** Wallet ledger rows: what moved, and the balance and held amount after each. */
export function LedgerTable({ entries, currency, compact }: { entries: LedgerLine[]; currency: string; compact?: boolean }) {
  if (entries.length === 0)
    return (
      <EmptyState title="No ledger entries" className="py-8">
        No money was held or moved.
      </EmptyState>
    );
  if (compact) return <LedgerList entries={entries} currency={currency} />;
  // On a phone the one-line-per-entry list, so the ledger never scrolls sideways.
  return (
    <>
      <div className="sm:hidden">
        <LedgerList entries={entries} currency={currency} />
      </div>
      <div className="hidden sm:block">
        <LedgerRows entries={entries} currency={currency} />
      </div>
    </>
  );
}

function LedgerRows({ entries, currency }: { entries: LedgerLine[]; currency: string }) {
  return (
    <Table label="Ledger entries">
      <THead>
        <Th>Entry</Th>
        <Th align="right">Amount</Th>
        <Th align="right">Balance after</Th>
        <Th align="right">Held after</Th>
        <Th className="hidden md:table-cell">By</Th>
      </THead>
      <TBody>
        {entries.map((e) => {
          const k = KIND[e.kind] ?? { tone: "neutral" as const, label: e.kind, sign: "" };
          return (
            <Tr key={e.id}>
              <Td>
                <div className="flex min-w-0 items-center gap-2">
                  <Badge tone={k.tone}>{k.label}</Badge>
                  {/* Bounded so a long memo never widens the table past its card; the full text is on hover. */}
                  <span title={e.memo} className="max-w-[11rem] min-w-0 truncate text-slate-700 2xl:max-w-[22rem] dark:text-slate-200">
                    {e.memo}
                  </span>
                </div>
                <div className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">
                  <Time at={e.createdAt} />
                </div>
              </Td>
              <Td align="right" className="font-medium whitespace-nowrap">
                {k.sign}
                <MoneyText amount={e.amount} currency={currency} />
              </Td>
              <Td align="right">
                <MoneyText amount={e.balanceAfter} currency={currency} />
              </Td>
              <Td align="right" className="text-slate-500 dark:text-slate-400">
                <MoneyText amount={e.heldAfter} currency={currency} />
              </Td>
              <Td className="hidden max-w-[9rem] truncate text-slate-500 md:table-cell dark:text-slate-400">
                <span title={e.actor}>{e.actor}</span>
              </Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}

/** The narrow form (a side column): one line per entry, amount on the right. */
function LedgerList({ entries, currency }: { entries: LedgerLine[]; currency: string }) {
  return (
    <ul aria-label="Ledger entries" className="divide-y divide-slate-100 dark:divide-slate-800">
      {entries.map((e) => {
        const k = KIND[e.kind] ?? { tone: "neutral" as const, label: e.kind, sign: "" };
        return (
          <li key={e.id} className="flex items-start justify-between gap-3 px-5 py-3">
            <div className="min-w-0">
              <Badge tone={k.tone}>{k.label}</Badge>
              <p className="mt-1 text-sm text-slate-700 dark:text-slate-200">{e.memo}</p>
              <p className="text-xs text-slate-500 dark:text-slate-400">
                <Time at={e.createdAt} /> · {e.actor}
              </p>
            </div>
            <span className="shrink-0 text-sm font-medium whitespace-nowrap">
              {k.sign}
              <MoneyText amount={e.amount} currency={currency} />
            </span>
          </li>
        );
      })}
    </ul>
  );
}
