import Link from "next/link";
import { cn } from "@/components/cn";
import type { InboxQuery } from "@/lib/approvals/inbox-query";
import { humanize } from "@/lib/format/labels";
import { formatWholeMoney, toMajorDecimal } from "@/lib/format/money";
import { minorUnitDigits } from "@/lib/policies/engine/format-minor-units";

type Href = (change: Record<string, string | number | undefined>) => string;

/** Amount ranges in major units of the organisation's currency, as chips: up to 25,000, 25,000–75,000, above 75,000. */
const AMOUNTS = [
  { min: undefined, max: 25_000, label: (c: string) => `Up to ${formatWholeMoney(25_000, c)}` },
  { min: 25_000, max: 75_000, label: (c: string) => `${formatWholeMoney(25_000, c)} – ${formatWholeMoney(75_000, c)}` },
  { min: 75_000, max: undefined, above: true, label: (c: string) => `Above ${formatWholeMoney(75_000, c)}` },
];
/** The rules that send an intent to a person. */
const RULES = ["auto_approve_limit", "min_confidence", "risk_level"] as const;
const WAITING = [
  { key: "1h", label: "Waiting 1 h+" },
  { key: "24h", label: "Waiting 1 day+" },
  { key: "48h", label: "Waiting 2 days+" },
] as const;

/** A chip's bound in minor units; "above" starts one minor unit past it. */
const minor = (major: number | undefined, currency: string, above = false) =>
  major === undefined ? undefined : major * 10 ** minorUnitDigits(currency) + (above ? 1 : 0);

/** Filter chips as links: the filters live in the URL, so a filtered inbox can be shared. */
export function FilterChips({ q, agents, href, currency }: { q: InboxQuery; agents: { id: string; name: string }[]; href: Href; currency: string }) {
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
          const lo = minor(r.min, currency, r.above),
            hi = minor(r.max, currency);
          const min = lo === undefined ? undefined : toMajorDecimal(lo, currency);
          const max = hi === undefined ? undefined : toMajorDecimal(hi, currency);
          const on = q.min === lo && q.max === hi;
          const label = r.label(currency);
          return (
            <Chip key={label} on={on} href={href(on ? { min: undefined, max: undefined } : { min, max })}>
              {label}
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
