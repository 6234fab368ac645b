import Link from "next/link";
import { MoneyText } from "@/components/money-text";
import { Time } from "@/components/org-time";
import { StatusBadge } from "@/components/status-badge";
import type { GroupPreviewItem } from "@/lib/approver-groups/preview-approver-group";

export type Preview = { days: number; waiting: number; total: number; capped: boolean; items: GroupPreviewItem[] };

/** What a group's filters would catch: the approvals waiting now and those of the last days. */
export function GroupPreview({ preview: p }: { preview: Preview }) {
  const n = (x: number) => (p.capped && x >= 500 ? "500+" : String(x));
  return (
    <section aria-label="Preview" className="rounded-lg bg-slate-50 p-3 text-sm sm:col-span-2 dark:bg-slate-800/50" data-testid="group-preview">
      <p className="font-medium text-slate-900 dark:text-white">
        Would catch {n(p.waiting)} waiting approval{p.waiting === 1 ? "" : "s"} and {n(p.total)} in all over the last {p.days} days.
      </p>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        Approvals already open keep their routing; from saving on, new ones that match go to this group (unless a group of higher priority matches first).
      </p>
      {p.items.length > 0 && (
        <ul className="mt-2 divide-y divide-slate-200 dark:divide-slate-700">
          {p.items.map((i) => (
            <li key={i.approval_id} className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 py-1.5">
              <span className="min-w-0 truncate">
                <Link href={`/intents/${i.intent_id}`} className="font-medium hover:underline">
                  {i.merchant ?? "Unknown merchant"}
                </Link>{" "}
                <span className="text-slate-500 dark:text-slate-400">
                  · {i.agent_name} · <Time at={i.created_at} />
                  {i.routed_to ? ` · now with ${i.routed_to}` : ""}
                </span>
              </span>
              <span className="flex items-center gap-2">
                <MoneyText amount={i.amount} currency={i.currency} />
                <StatusBadge status={i.status === "pending" ? "pending_approval" : i.status} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
