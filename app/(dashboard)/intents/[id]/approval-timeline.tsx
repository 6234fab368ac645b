import { cn } from "@/components/cn";
import type { TimelineEvent } from "@/lib/intents/get-intent-detail";
import { Time } from "@/components/org-time";

const LABEL: Record<TimelineEvent["kind"], string> = {
  requested: "Approval requested",
  approve: "Approved by",
  reject: "Rejected by",
  approved: "Intent approved",
  rejected: "Intent denied",
  expired: "Approval expired",
};
const DOT: Record<TimelineEvent["kind"], string> = {
  requested: "bg-amber-500",
  approve: "bg-emerald-500",
  reject: "bg-rose-500",
  approved: "bg-emerald-600",
  rejected: "bg-rose-600",
  expired: "bg-slate-400",
};

export function ApprovalTimeline({ events, expiresAt }: { events: TimelineEvent[]; expiresAt: string | null }) {
  return (
    <ol className="relative space-y-4 border-l border-slate-200 pl-5 dark:border-slate-700" aria-label="Approval timeline">
      {events.map((e, n) => (
        <li key={n} className="relative">
          <span aria-hidden className={cn("absolute -left-[25px] top-1.5 size-2.5 rounded-full ring-4 ring-white dark:ring-slate-900", DOT[e.kind])} />
          <p className="text-sm font-medium text-slate-900 dark:text-white">
            {LABEL[e.kind]}
            {(e.kind === "approve" || e.kind === "reject") && <span className="font-normal text-slate-600 dark:text-slate-300"> {e.who}</span>}
          </p>
          <p className="text-xs text-slate-500 dark:text-slate-400">
            <Time at={e.at} />
          </p>
          {e.comment && (
            <p className="mt-1 rounded-md bg-slate-50 px-2.5 py-1.5 text-sm text-slate-700 dark:bg-slate-800 dark:text-slate-200">&ldquo;{e.comment}&rdquo;</p>
          )}
        </li>
      ))}
      {expiresAt && (
        <li className="relative">
          <span
            aria-hidden
            className="absolute -left-[25px] top-1.5 size-2.5 rounded-full bg-slate-300 ring-4 ring-white dark:bg-slate-600 dark:ring-slate-900"
          />
          <p className="text-sm text-slate-600 dark:text-slate-300">Waiting for an answer</p>
          <p className="text-xs text-slate-500 dark:text-slate-400">
            Expires <Time at={expiresAt} />
          </p>
        </li>
      )}
    </ol>
  );
}
