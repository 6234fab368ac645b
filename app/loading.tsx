export default function Loading() {
  return (
    <div className="flex min-h-dvh items-center justify-center" role="status" aria-live="polite">
      <span className="size-8 animate-spin rounded-full border-2 border-slate-300 border-t-brand-600" aria-hidden />
      <span className="sr-only">Loading…</span>
    </div>
  );
}
