import Link from "next/link";
import { cn } from "@/components/cn";
import type { InboxQuery } from "@/lib/approvals/inbox-query";
import { humanize } from "@/lib/format/labels";

type Href = (change: Record<string, string | number | undefined>) => string;

/** Amount ranges in paise, as chips: up to ₹25,000, ₹25,000–₹75,000, above ₹75,000. */
const AMOUNTS = [
  { label: "Up to ₹25,000", min: undefined, max: 2_500_000 },
  { label: "₹25,000 – ₹75,000", min: 2_500_000, max: 7_500_000 },
  { label: "Above ₹75,000", min: 7_500_001, max: undefined },
];
/** The rules that send an intent to a person. */
const RULES = ["auto_approve_limit", "min_confidence", "risk_level"] as const;
const WAITING = [
  { key: "1h", label: "Waiting 1 h+" },
  { key: "24h", label: "Waiting 1 day+" },
  { key: "48h", label: "Waiting 2 days+" },
] as const;

const rupees = (paise: number) => String(paise / 100);

/** Filter chips as links: the filters live in the URL, so a filtered inbox can be shared. */
export function FilterChips({ q, agents, href }: { q: InboxQuery; agents: { id: string; name: string }[]; href: Href }) {
  const any = q.agent || q.min !== undefined || q.max !== undefined || q.rule || q.waiting;
  return (
    <div role="group" aria-label="Filters" className="mb-4 space-y-2 text-sm">
      <Row label="Agent">
        {agents.map((a) => (
          <Chip key={a.id} on={q.agent === a.id} href={href({ agent: q.agent === a.id ? undefined : a.id })}>
            {a.name}
          </Chip>
        ))}
      </Row>
      <Row label="Amount">
        {AMOUNTS.map((r) => {
          const min = r.min === undefined ? undefined : rupees(r.min);
          const max = r.max === undefined ? undefined : rupees(r.max);
          const on = q.min === r.min && q.max === r.max;
          return (
            <Chip key={r.label} on={on} href={href(on ? { min: undefined, max: undefined } : { min, max })}>
              {r.label}
            </Chip>
          );
        })}
      </Row>
      <Row label="Rule">
        {RULES.map((r) => (
          <Chip key={r} on={q.rule === r} href={href({ rule: q.rule === r ? undefined : r })}>
            {humanize(r)}
          </Chip>
        ))}
      </Row>
      <Row label="Waiting">
        {WAITING.map((w) => (
          <Chip key={w.key} on={q.waiting === w.key} href={href({ waiting: q.waiting === w.key ? undefined : w.key })}>
            {w.label}
          </Chip>
        ))}
        {any && (
          <Link
            href={href({ agent: undefined, min: undefined, max: undefined, rule: undefined, waiting: undefined })}
            className="ml-1 text-brand-700 underline dark:text-brand-300"
          >
            Clear filters
          </Link>
        )}
      </Row>
    </div>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex items-center gap-2 overflow-x-auto pb-0.5 sm:flex-wrap sm:overflow-visible">
      <span className="w-16 shrink-0 text-xs font-medium text-slate-500 dark:text-slate-400">{label}</span>
      {children}
    </div>
  );
}

function Chip({ on, href, children }: { on: boolean; href: string; children: React.ReactNode }) {
  return (
    <Link
      href={href}
      aria-current={on ? "true" : undefined}
      className={cn(
        "shrink-0 rounded-full px-3 py-1 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        on
          ? "bg-brand-600 text-white ring-brand-600 dark:bg-brand-500"
          : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50 dark:bg-slate-900 dark:text-slate-200 dark:ring-slate-700",
      )}
    >
      {children}
    </Link>
  );
}
