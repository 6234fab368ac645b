import { formatSums } from "@/lib/format/sum-by-currency";

/** The money the organisation's open approvals hold, and how many lines are shown. */
export function InboxTotals({
  awaiting,
  shown,
  more,
  refreshing,
  offline,
}: {
  awaiting: { currency: string; amount: number }[];
  shown: number;
  more: boolean;
  refreshing: boolean;
  offline: boolean;
}) {
  return (
    <div className="mb-3 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 text-sm">
      <p data-testid="awaiting-total" className="text-slate-600 dark:text-slate-300">
        {awaiting.length === 0 ? (
          "No money is awaiting a decision"
        ) : (
          <>
            <span className="text-lg font-semibold tracking-tight text-slate-900 tabular dark:text-white">{formatSums(awaiting)}</span> awaiting a decision
          </>
        )}
      </p>
      <p aria-live="polite" className="text-slate-500 dark:text-slate-400">
        Showing <span className="font-semibold text-slate-900 dark:text-white">{shown}</span>
        {more ? " so far" : ""}
        {refreshing && <span className="ml-2 text-xs">· refreshing</span>}
        {offline && <span className="ml-2 text-xs text-rose-600">· offline, retrying</span>}
      </p>
    </div>
  );
}
