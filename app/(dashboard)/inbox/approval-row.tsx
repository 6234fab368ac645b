"use client";

import { Badge } from "@/components/badge";
import { Button } from "@/components/button";
import { cn } from "@/components/cn";
import { MoneyText } from "@/components/money-text";
import { RelativeTime } from "@/components/org-time";
import type { InboxItem } from "@/lib/approvals/inbox-items";
import { humanize } from "@/lib/format/labels";

type Props = {
  item: InboxItem;
  now: number;
  current: boolean;
  isNew: boolean;
  checked: boolean;
  onSelect: () => void;
  onCheck: () => void;
  onApprove: () => void;
  onReject: () => void;
};

/**
 * One approval on one line (two on a phone): tick, what and who, amount, how long it waited,
 * and its answer buttons, so a queue of fifty fits a screen or two; the details are in the panel.
 */
export function ApprovalRow({ item: a, now, current, isNew, checked, onSelect, onCheck, onApprove, onReject }: Props) {
  const merchant = a.intent.merchant ?? "Unknown merchant";
  const soon = new Date(a.expires_at).getTime() - now < 6 * 3_600_000;
  return (
    <div
      data-testid="approval-row"
      data-intent-id={a.intent_id}
      data-approval-id={a.id}
      data-new={isNew ? "true" : undefined}
      aria-current={current ? "true" : undefined}
      onClick={onSelect}
      className={cn(
        "grid cursor-pointer grid-cols-[auto_minmax(0,1fr)_auto] items-center gap-x-3 gap-y-1.5 px-3 py-2.5 @2xl:grid-cols-[auto_minmax(8rem,1fr)_auto_6.5rem_auto] @2xl:px-4",
        current ? "bg-brand-50 ring-2 ring-inset ring-brand-500/40 dark:bg-brand-700/20" : "hover:bg-slate-50 dark:hover:bg-slate-800/50",
        isNew && !current && "bg-sky-50/60 dark:bg-sky-950/30",
      )}
    >
      <span className="flex size-5 items-center justify-center">
        {a.can_answer && (
          <input
            type="checkbox"
            aria-label={`Select ${merchant}, ${a.agent.name}`}
            checked={checked}
            onClick={(e) => e.stopPropagation()}
            onChange={onCheck}
            className="size-4 rounded border-slate-300 accent-brand-600"
          />
        )}
      </span>
      <div className="min-w-0">
        <div className="flex min-w-0 items-center gap-2">
          <button
            type="button"
            onClick={onSelect}
            className="min-w-0 truncate text-left text-sm font-semibold text-slate-900 hover:underline dark:text-white"
            title={merchant}
          >
            {merchant}
          </button>
          {isNew && <Badge tone="blue">New</Badge>}
          {a.blocked && <Badge tone="red">{a.blocked.code === "agent_suspended" ? "Suspended" : "Blocked"}</Badge>}
          {a.duplicates.length > 0 && <Badge tone="orange">Possible duplicate</Badge>}
        </div>
        <p className="truncate text-xs text-slate-600 dark:text-slate-400" title={`${a.agent.name} · ${a.intent.reason}`}>
          {a.intent.source === "card" && (
            <span className="font-medium text-rose-700 dark:text-rose-300" title="Declined at the card: submit an intent first">
              Card declined ·{" "}
            </span>
          )}
          {a.agent.name} · {a.intent.rule ? humanize(a.intent.rule) : "—"}
          <span className="hidden md:inline"> · {a.intent.reason}</span>
        </p>
      </div>
      <div className="text-right">
        <MoneyText amount={a.intent.amount} currency={a.intent.currency} className="text-sm font-semibold text-slate-900 dark:text-white" />
        <p className="text-xs text-slate-600 @2xl:hidden dark:text-slate-400">
          <RelativeTime at={a.created_at} now={now} />
        </p>
      </div>
      <p className="hidden text-right text-xs text-slate-600 @2xl:block dark:text-slate-400">
        <RelativeTime at={a.created_at} now={now} />
        <br />
        <RelativeTime at={a.expires_at} now={now} until className={cn(soon && "font-medium text-amber-700 dark:text-amber-400")} />
      </p>
      <div className="col-span-3 flex justify-end gap-2 @2xl:col-span-1" onClick={(e) => e.stopPropagation()}>
        {a.can_answer ? (
          <>
            <Button variant="danger" size="sm" className="flex-1 @2xl:flex-none" onClick={onReject} aria-describedby={`row-${a.id}`}>
              Reject
            </Button>
            <Button
              variant="success"
              size="sm"
              className="flex-1 @2xl:flex-none"
              disabled={a.blocked !== null}
              onClick={onApprove}
              aria-describedby={`row-${a.id}`}
            >
              Approve
            </Button>
          </>
        ) : (
          <span className="block max-w-[13rem] text-right text-xs text-slate-600 dark:text-slate-400">{a.waiting_for}</span>
        )}
        <span id={`row-${a.id}`} className="sr-only">
          {merchant}, {a.agent.name}
        </span>
      </div>
    </div>
  );
}
