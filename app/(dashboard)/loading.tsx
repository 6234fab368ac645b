/** Skeleton in the page's shape while server components load. */
export default function DashboardLoading() {
  return (
    <div role="status" aria-live="polite" className="animate-pulse">
      <span className="sr-only">Loading…</span>
      <div className="h-7 w-56 rounded-md bg-slate-200 dark:bg-slate-800" />
      <div className="mt-2 h-4 w-96 max-w-full rounded bg-slate-200 dark:bg-slate-800" />
      <div className="mt-8 space-y-3">
        {[0, 1, 2, 3].map((n) => (
          <div key={n} className="h-28 rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900" />
        ))}
      </div>
    </div>
  );
}
