"use client";

import { CopyButton } from "@/components/copy-button";

/** A value to paste somewhere else (a webhook URL): shown whole, selectable, with a Copy button. */
export function CopyField({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="min-w-0">
      <p className="text-xs text-slate-500 dark:text-slate-400">{label}</p>
      <div className="mt-1 flex flex-wrap items-center gap-2">
        <code
          data-testid={testId}
          className="min-w-0 rounded-md bg-slate-50 px-2.5 py-1.5 font-mono text-xs break-all text-slate-900 ring-1 ring-slate-200 dark:bg-slate-950 dark:text-slate-100 dark:ring-slate-700"
        >
          {value}
        </code>
        <CopyButton value={value} label={`Copy ${label.toLowerCase()}`} />
      </div>
    </div>
  );
}
