import { cn } from "./cn";
import { MoneyText } from "./money-text";

/** Spend against a budget: a bar that turns amber past 75 % and red past 100 %. */
export function UsageBar({
  label,
  spent,
  limit,
  currency,
  compact,
}: {
  label: string;
  spent: number;
  limit: number | null;
  currency: string;
  compact?: boolean;
}) {
  const pct = limit ? Math.min(100, Math.round((spent / limit) * 100)) : 0;
  const tone = !limit ? "bg-slate-300 dark:bg-slate-600" : pct >= 100 ? "bg-rose-500" : pct >= 75 ? "bg-amber-500" : "bg-brand-500";
  return (
    <div>
      <div className={cn("flex flex-wrap items-baseline justify-between gap-x-2", compact ? "text-xs" : "text-sm")}>
        <span className="whitespace-nowrap text-slate-600 dark:text-slate-300">{label}</span>
        <span className="text-slate-500 dark:text-slate-400">
          <MoneyText amount={spent} currency={currency} className="font-medium text-slate-900 dark:text-white" />
          {" of "}
          {limit === null ? "no limit" : <MoneyText amount={limit} currency={currency} />}
        </span>
      </div>
      <div
        role="progressbar"
        aria-label={`${label} used`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={limit ? pct : undefined}
        aria-valuetext={limit ? `${pct}% used` : "No limit"}
        className={cn("mt-1.5 overflow-hidden rounded-full bg-slate-100 dark:bg-slate-800", compact ? "h-1.5" : "h-2")}
      >
        <div className={cn("h-full rounded-full", tone)} style={{ width: `${limit ? Math.max(pct, spent > 0 ? 2 : 0) : 0}%` }} />
      </div>
    </div>
  );
}
