import type { DaySpend } from "@/lib/agents/spend-per-day";
import { formatMoney } from "@/lib/format/money";
import { formatShortDate } from "@/lib/format/time";

const W = 720;
const H = 200;
const PAD = { top: 12, right: 8, bottom: 24, left: 8 };
const AXIS = 84; // room at the left for the value axis' labels

/**
 * Daily spend (or, with `unit="count"`, a daily count) as bars, drawn by hand in SVG: a value
 * axis with its top and middle marks, a day axis, and each bar's value on hover.
 */
export function SpendChart({
  data,
  currency,
  unit = "money",
  what = "Spend",
}: {
  data: DaySpend[];
  currency: string;
  unit?: "money" | "count";
  what?: string;
}) {
  const fmt = (n: number) => (unit === "money" ? formatMoney(n, currency) : n.toLocaleString("en-IN"));
  const max = Math.max(...data.map((d) => d.amount), 1);
  const total = data.reduce((s, d) => s + d.amount, 0);
  const left = PAD.left + AXIS;
  const innerW = W - left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const slot = innerW / data.length;
  const barW = Math.max(2, slot * 0.68);
  const ticks = [0, Math.floor(data.length / 2), data.length - 1];
  return (
    <figure>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        className="h-48 w-full"
        role="img"
        aria-label={`${what} per day over the last ${data.length} days, ${fmt(total)} in total; highest day ${fmt(max === 1 && total === 0 ? 0 : max)}`}
      >
        {[0.5, 1].map((f) => (
          <text key={`y${f}`} x={left - 6} y={PAD.top + innerH * (1 - f) + 4} textAnchor="end" className="fill-slate-500 text-[11px] dark:fill-slate-400">
            {fmt(total === 0 ? 0 : Math.round(max * f))}
          </text>
        ))}
        {[0.25, 0.5, 0.75, 1].map((f) => (
          <line
            key={f}
            x1={left}
            x2={W - PAD.right}
            y1={PAD.top + innerH * (1 - f)}
            y2={PAD.top + innerH * (1 - f)}
            className="stroke-slate-100 dark:stroke-slate-800"
            strokeWidth={1}
          />
        ))}
        <line x1={left} x2={W - PAD.right} y1={PAD.top + innerH} y2={PAD.top + innerH} className="stroke-slate-300 dark:stroke-slate-700" strokeWidth={1} />
        {data.map((d, n) => {
          const h = d.amount === 0 ? 0 : Math.max(2, (d.amount / max) * innerH);
          return (
            <rect
              key={d.day}
              x={left + n * slot + (slot - barW) / 2}
              y={PAD.top + innerH - h}
              width={barW}
              height={h}
              rx={2}
              className="fill-brand-500 dark:fill-brand-400"
            >
              <title>{`${formatShortDate(d.day)}: ${fmt(d.amount)}`}</title>
            </rect>
          );
        })}
        {ticks.map((n) => (
          <text
            key={n}
            x={left + n * slot + slot / 2}
            y={H - 6}
            textAnchor={n === 0 ? "start" : n === data.length - 1 ? "end" : "middle"}
            className="fill-slate-500 text-[11px] dark:fill-slate-400"
          >
            {formatShortDate(data[n].day)}
          </text>
        ))}
      </svg>
      <figcaption className="mt-2 flex justify-between text-xs text-slate-500 dark:text-slate-400">
        <span>Highest day: {fmt(total === 0 ? 0 : max)}</span>
        <span>
          {data.length}-day total: {fmt(total)}
        </span>
      </figcaption>
    </figure>
  );
}
