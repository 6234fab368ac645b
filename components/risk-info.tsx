import { RiskBadge } from "./risk-badge";
import { humanize } from "@/lib/format/labels";

type Factor = { factor: string; points: number; detail: string };

const SCALE = "Scale: low 0–1 points · medium 2–3 · high 4–5 · critical 6+";

/**
 * The risk badge with its scale and the factors behind it, shown on hover or keyboard focus
 * (the badge is a button so it can take focus; the panel is its accessible description).
 */
export function RiskInfo({
  id,
  level,
  computed,
  override,
  factors,
}: {
  id: string;
  level: string;
  computed: string;
  override: string | null;
  factors: Factor[];
}) {
  const panel = `risk-${id}`;
  const total = factors.reduce((s, f) => s + f.points, 0);
  return (
    <span className="group relative inline-flex">
      <button
        type="button"
        aria-describedby={panel}
        className="rounded-md focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
        onClick={(e) => e.stopPropagation()}
      >
        <RiskBadge level={level} overridden={override !== null} />
      </button>
      <span
        id={panel}
        role="tooltip"
        className="absolute top-full left-0 z-20 mt-1 hidden w-[min(18rem,80vw)] rounded-lg border border-slate-200 bg-white p-3 text-left text-xs font-normal text-slate-600 shadow-lg group-focus-within:block group-hover:block dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300"
      >
        <span className="block font-semibold text-slate-900 dark:text-white">
          {override ? `Set to ${override} by an admin (computed ${computed}, ${total} points)` : `Computed ${computed}: ${total} points`}
        </span>
        <span className="mt-1 block">{SCALE}</span>
        {factors.map((f) => (
          <span key={f.factor} className="mt-1 flex justify-between gap-2">
            <span>
              {humanize(f.factor)}: {f.detail}
            </span>
            <span className="shrink-0 font-semibold tabular">+{f.points}</span>
          </span>
        ))}
      </span>
    </span>
  );
}
