"use client";

import { Button } from "./button";

/** Recovery codes, shown once: each opens sign-in one time if the passkey or phone is lost. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <div role="status" className="space-y-3 rounded-lg border border-emerald-200 bg-emerald-50 p-4 dark:border-emerald-900 dark:bg-emerald-950/40">
      <p className="text-sm font-medium text-emerald-900 dark:text-emerald-200">
        Keep these recovery codes somewhere safe. Each one signs you in once if you lose your passkey or phone. They are shown only now.
      </p>
      <ul data-testid="recovery-codes" className="grid grid-cols-2 gap-1.5 font-mono text-sm text-slate-900 sm:grid-cols-5 dark:text-slate-100">
        {codes.map((c) => (
          <li key={c} className="rounded bg-white px-2 py-1 text-center ring-1 ring-emerald-200 dark:bg-slate-950 dark:ring-emerald-900">
            {c}
          </li>
        ))}
      </ul>
      <Button size="sm" onClick={onDone}>
        I have saved them
      </Button>
    </div>
  );
}
