import Link from "next/link";
import { MoneyText } from "@/components/money-text";
import { StatusBadge } from "@/components/status-badge";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/table";
import type { BacktestResult } from "@/lib/policies/backtest/backtest-policy";
import { Fact } from "@/components/fact";

const LABEL = { approve: "Approve", require_approval: "Needs a person", deny: "Deny" } as const;
const amounts = (a: Record<string, number>) =>
  Object.entries(a).map(([currency, v], n) => (
    <span key={currency}>
      {n > 0 && ", "}
      <MoneyText amount={v} currency={currency} />
    </span>
  ));

/** What a draft would have decided over the window, beside the current policy. */
export function BacktestResults({ result: r }: { result: BacktestResult }) {
  return (
    <section aria-labelledby="bt-h" className="space-y-4 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <div>
        <h3 id="bt-h" className="text-sm font-semibold text-slate-900 dark:text-white">
          Backtest: last {r.days} days, {r.evaluated.toLocaleString("en-IN")} intents
        </h3>
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Draft vs current version {r.current_version}, replayed in {r.timing_ms.total} ms. The current policy&apos;s replay matches {r.fidelity.matching} of{" "}
          {r.fidelity.recorded} recorded decisions.
        </p>
      </div>
      <dl className="grid gap-3 text-sm sm:grid-cols-3">
        <Fact label="Would flip">{r.flips.total.toLocaleString("en-IN")}</Fact>
        <Fact label="Inbox (needs a person)">
          {r.inbox.current} → {r.inbox.draft} ({r.inbox.change >= 0 ? "+" : ""}
          {r.inbox.change}; {r.inbox.per_day_current}/day → {r.inbox.per_day_draft}/day)
        </Fact>
        <Fact label="Agents affected">{r.agents.length ? r.agents.map((a) => `${a.agent_name} (${a.flips})`).join(", ") : "none"}</Fact>
      </dl>
      {r.flips.by_outcome.length > 0 && (
        <Table label="Flips by outcome">
          <THead>
            <Th>From</Th>
            <Th>To</Th>
            <Th align="right">Intents</Th>
            <Th align="right">Amount</Th>
          </THead>
          <TBody>
            {r.flips.by_outcome.map((f) => (
              <Tr key={`${f.from}-${f.to}`}>
                <Td>{LABEL[f.from]}</Td>
                <Td>{LABEL[f.to]}</Td>
                <Td align="right">{f.count}</Td>
                <Td align="right">{amounts(f.amounts)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      {r.money.map((m) => (
        <p key={m.currency} className="text-sm text-slate-600 dark:text-slate-300">
          Auto-approved {m.currency}: <MoneyText amount={m.approved_current} currency={m.currency} /> →{" "}
          <MoneyText amount={m.approved_draft} currency={m.currency} />; denied: <MoneyText amount={m.denied_current} currency={m.currency} /> →{" "}
          <MoneyText amount={m.denied_draft} currency={m.currency} />
        </p>
      ))}
      {r.flipped.length > 0 && (
        <Table label="Flipped intents">
          <THead>
            <Th>Intent</Th>
            <Th>Agent</Th>
            <Th align="right">Amount</Th>
            <Th>Now</Th>
            <Th>Draft</Th>
            <Th>Why</Th>
          </THead>
          <TBody>
            {r.flipped.map((f) => (
              <Tr key={f.intent_id}>
                <Td>
                  <Link className="font-mono text-xs text-brand-700 hover:underline dark:text-brand-300" href={`/intents/${f.intent_id}`}>
                    {f.intent_id}
                  </Link>
                </Td>
                <Td>{f.agent_name}</Td>
                <Td align="right">
                  <MoneyText amount={f.amount} currency={f.currency} />
                </Td>
                <Td>
                  <StatusBadge status={f.from} />
                </Td>
                <Td>
                  <StatusBadge status={f.to} />
                </Td>
                <Td className="max-w-md text-xs text-slate-600 dark:text-slate-300">{f.reason}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      <details className="text-xs text-slate-500 dark:text-slate-400">
        <summary className="cursor-pointer">How the replay approximates history</summary>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {r.approximations.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}
