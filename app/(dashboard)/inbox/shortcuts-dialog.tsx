"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/button";

const KEYS: [string, string][] = [
  ["j / k", "Next / previous item"],
  ["Enter", "Open the selected item"],
  ["a", "Approve the selected item"],
  ["r", "Reject the selected item"],
  ["x", "Tick the selected item (then approve or reject all ticked)"],
  ["z", "Undo the last answer (within 5 seconds)"],
  ["/", "Search by intent id"],
  ["?", "Show or hide this list"],
];

/** The keyboard shortcuts, as a modal dialog (native <dialog>: focus trap and Escape for free). */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby="shortcuts-h"
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-900/40 dark:bg-slate-900 dark:text-white"
    >
      <h2 id="shortcuts-h" className="text-base font-semibold">
        Keyboard shortcuts
      </h2>
      <dl className="mt-3 space-y-2 text-sm">
        {KEYS.map(([k, what]) => (
          <div key={k} className="flex justify-between gap-4">
            <dt>
              <Kbd>{k}</Kbd>
            </dt>
            <dd className="text-right text-slate-600 dark:text-slate-300">{what}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-4 flex justify-end">
        <Button size="sm" variant="secondary" onClick={onClose}>
          Close
        </Button>
      </div>
    </dialog>
  );
}

export function Kbd({ children }: { children: React.ReactNode }) {
  return (
    <kbd className="rounded border border-slate-300 bg-white px-1.5 py-0.5 font-mono text-xs text-slate-700 dark:border-slate-700 dark:bg-slate-800 dark:text-slate-200">
      {children}
    </kbd>
  );
}
