"use client";

import { Button } from "@/components/button";

/** Shown while items are ticked: answer them together (each is still sent and audited on its own). */
export function BulkBar({ count, onApprove, onReject, onClear }: { count: number; onApprove: () => void; onReject: () => void; onClear: () => void }) {
  if (count === 0) return null;
  return (
    <div
      role="region"
      aria-label="Selected approvals"
      className="sticky top-28 z-20 mb-3 flex flex-wrap items-center justify-between gap-2 rounded-xl border border-brand-200 bg-brand-50 px-4 py-2.5 text-sm shadow-sm lg:top-16 dark:border-brand-800 dark:bg-slate-900"
    >
      <p className="font-medium text-slate-800 dark:text-slate-100">{count} selected</p>
      <div className="flex gap-2">
        <Button size="sm" variant="ghost" onClick={onClear}>
          Clear
        </Button>
        <Button size="sm" variant="danger" onClick={onReject}>
          Reject {count}
        </Button>
        <Button size="sm" variant="success" onClick={onApprove}>
          Approve {count}
        </Button>
      </div>
    </div>
  );
}
