/** One labelled figure of a `<dl>` summary (backtest, shadow policy, audit chain): label above, value below. */
export function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="mt-0.5 font-medium text-slate-900 tabular dark:text-white">{children}</dd>
    </div>
  );
}
