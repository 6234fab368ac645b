import type { SettlementSummary } from "@/lib/intents/load-settlement-summary";
import { formatCount } from "@/lib/policies/engine/format-minor-units";
import { MoneyText } from "./money-text";

/** Approved against captured for one currency: what was approved, paid, returned and still open. */
export function SettlementSummaryView({ s }: { s: SettlementSummary }) {
  return (
    <dl className="grid grid-cols-[repeat(auto-fit,minmax(12rem,1fr))] gap-4 text-sm" data-testid={`settlement-${s.currency}`}>
      <Item label={`Approved (${formatCount(s.approvedCount, s.currency)})`} testId="settlement-approved">
        <MoneyText amount={s.approved} currency={s.currency} />
      </Item>
      <Item label="Captured (paid)" testId="settlement-captured">
        <MoneyText amount={s.captured} currency={s.currency} />
      </Item>
      <Item
        label={`Returned (${formatCount(s.partialCount, s.currency)} partial, ${formatCount(s.voidedCount, s.currency)} void)`}
        testId="settlement-returned"
      >
        <MoneyText amount={s.returned} currency={s.currency} />
      </Item>
      <Item label={`Awaiting capture (${formatCount(s.uncapturedCount, s.currency)})`} testId="settlement-uncaptured">
        <MoneyText amount={s.uncaptured} currency={s.currency} />
      </Item>
    </dl>
  );
}

function Item({ label, testId, children }: { label: string; testId: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-slate-500 dark:text-slate-400">{label}</dt>
      <dd data-testid={testId} className="mt-0.5 text-lg font-semibold tracking-tight [overflow-wrap:anywhere] text-slate-900 dark:text-white">
        {children}
      </dd>
    </div>
  );
}
