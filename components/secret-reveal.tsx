"use client";

import { Button } from "./button";
import { CopyButton } from "./copy-button";

/** A secret shown once (API key, signing secret, a set-password link), with copy and dismiss. */
export function SecretReveal({ label, value, onDone, testId }: { label: string; value: string; onDone: () => void; testId: string }) {
  return (
    <div role="status" className="border-b border-emerald-200 bg-emerald-50 px-5 py-4 dark:border-emerald-900 dark:bg-emerald-950/40">
      <p className="text-sm font-medium text-emerald-900 dark:text-emerald-200">{label} Copy it now: it will not be shown again.</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <code
          data-testid={testId}
          className="rounded-md bg-white px-2.5 py-1.5 font-mono text-sm break-all text-slate-900 ring-1 ring-emerald-200 dark:bg-slate-950 dark:text-slate-100 dark:ring-emerald-900"
        >
          {value}
        </code>
        <CopyButton value={value} />
        <Button size="sm" variant="ghost" onClick={onDone}>
          Done
        </Button>
      </div>
    </div>
  );
}
