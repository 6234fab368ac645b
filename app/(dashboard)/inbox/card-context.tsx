import { StatusBadge } from "@/components/status-badge";
import { MoneyText } from "@/components/money-text";
import { UsageBar } from "@/components/usage-bar";
import type { InboxItem } from "@/lib/approvals/inbox-items";

/** Budget left today and this month, and the agent's last five intents. */
export function CardContext({ item: a }: { item: InboxItem }) {
  const currency = a.intent.currency;
  const { day, month } = a.agent.budget;
  const left = (w: { spent: number; limit: number | null }) => (w.limit === null ? null : Math.max(0, w.limit - w.spent));
  return (
    // Two columns by the room the card has (a container query), not the window's: the inbox's side
    // panel is narrow on a wide screen, and two columns there cut the recent intents' badges.
    <div className="@container mt-3">
      <div className="grid gap-4 rounded-lg bg-slate-50 p-3 @lg:grid-cols-2 dark:bg-slate-800/40" data-testid="card-context">
        <div className="space-y-3">
          <UsageBar label="Today" spent={day.spent} limit={day.limit} currency={currency} compact />
          {left(day) !== null && <BudgetLeft amount={left(day)!} currency={currency} what="left today" />}
          <UsageBar label="This month" spent={month.spent} limit={month.limit} currency={currency} compact />
          {left(month) !== null && <BudgetLeft amount={left(month)!} currency={currency} what="left this month" />}
        </div>
        <div className="min-w-0">
          <p className="text-xs font-medium text-slate-600 dark:text-slate-300">Last {a.recent.length} intents of this agent</p>
          {a.recent.length === 0 ? (
            <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">None before this one.</p>
          ) : (
            <ul className="mt-1 space-y-1" aria-label="Recent intents of this agent">
              {a.recent.map((r) => (
                <li key={r.id} className="flex items-center justify-between gap-2 text-xs">
                  <span className="min-w-0 truncate text-slate-700 dark:text-slate-200">{r.merchant ?? "—"}</span>
                  <span className="flex shrink-0 items-center gap-2">
                    <MoneyText amount={r.amount} currency={r.currency} className="text-slate-700 dark:text-slate-200" />
                    <StatusBadge status={r.status} />
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </div>
  );
}

function BudgetLeft({ amount, currency, what }: { amount: number; currency: string; what: string }) {
  return (
    <p className="-mt-2 text-xs text-slate-500 dark:text-slate-400">
      <MoneyText amount={amount} currency={currency} className="font-medium text-slate-700 dark:text-slate-200" /> {what}
    </p>
  );
}
