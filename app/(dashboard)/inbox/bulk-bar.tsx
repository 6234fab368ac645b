"use client";

import { Button } from "@/components/button";
import type { InboxItem } from "@/lib/approvals/inbox-items";
import { formatSums } from "@/lib/format/sum-by-currency";

const sumOf = (items: InboxItem[]) => formatSums(items.map((a) => a.intent));

/**
 * Sticky above the list: tick all (with what they add up to), and once some are ticked their
 * count and sum with Approve / Reject for all of them (each is still sent and audited on its own).
 */
export function BulkBar({
  chosen,
  answerable,
  onAll,
  onApprove,
  onReject,
}: {
  chosen: InboxItem[];
  answerable: InboxItem[];
  onAll: (on: boolean) => void;
  onApprove: () => void;
  onReject: () => void;
}) {
  if (answerable.length === 0) return null;
  const all = chosen.length === answerable.length;
  const blocked = chosen.filter((a) => a.blocked).length;
  return (
    <div
      role="region"
      aria-label="Selected approvals"
      className="sticky top-14 z-20 mb-2 flex min-h-12 flex-wrap items-center justify-between gap-2 rounded-xl border border-slate-200 bg-white/95 px-3 py-2 text-sm shadow-sm backdrop-blur sm:px-4 lg:top-16 dark:border-slate-800 dark:bg-slate-900/95"
    >
      <label className="flex items-center gap-2 font-medium text-slate-800 dark:text-slate-100">
        <input
          type="checkbox"
          className="size-4 rounded border-slate-300 accent-brand-600"
          checked={all}
          ref={(el) => {
            if (el) el.indeterminate = chosen.length > 0 && !all;
          }}
          onChange={(e) => onAll(e.target.checked)}
        />
        {chosen.length === 0 ? (
          <span>
            Select all {answerable.length} · <span className="tabular">{sumOf(answerable)}</span>
          </span>
        ) : (
          <span data-testid="selected-sum">
            {chosen.length} selected · <span className="tabular">{sumOf(chosen)}</span>
          </span>
        )}
      </label>
      {chosen.length > 0 && (
        <div className="flex gap-2">
          <Button size="sm" variant="danger" onClick={onReject}>
            Reject {chosen.length}
          </Button>
          <Button
            size="sm"
            variant="success"
            onClick={onApprove}
            disabled={blocked === chosen.length}
            title={blocked ? `${blocked} cannot be approved now and are left out` : undefined}
          >
            Approve {chosen.length - blocked}
          </Button>
        </div>
      )}
    </div>
  );
}
