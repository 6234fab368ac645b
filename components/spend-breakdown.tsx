import type { DimensionSpend } from "@/lib/counters/load-spend-by-dimension";
import { OTHER_KEY } from "@/lib/counters/load-spend-by-dimension";
import { formatMoney } from "@/lib/format/money";
import { formatShortDate } from "@/lib/format/time";
import { MoneyText } from "./money-text";
import { Table, TBody, THead, Td, Th, Tr } from "./table";

// Narrower than SpendChart's: these sit in half a row (or a phone), and the labels must stay readable there.
const W = 440;
const H = 200;
const PAD = { top: 12, right: 8, bottom: 24, left: 8 };
const AXIS = 84;

// Written out in full so Tailwind finds them; "Other" is always the grey one.
const COLOURS = [
  { fill: "fill-brand-500", bg: "bg-brand-500" },
  { fill: "fill-sky-500", bg: "bg-sky-500" },
  { fill: "fill-emerald-500", bg: "bg-emerald-500" },
  { fill: "fill-amber-500", bg: "bg-amber-500" },
  { fill: "fill-rose-500", bg: "bg-rose-500" },
  { fill: "fill-violet-500", bg: "bg-violet-500" },
  { fill: "fill-teal-600", bg: "bg-teal-600" },
  { fill: "fill-orange-600", bg: "bg-orange-600" },
  { fill: "fill-fuchsia-500", bg: "bg-fuchsia-500" },
  { fill: "fill-lime-600", bg: "bg-lime-600" },
];
const OTHER_COLOUR = { fill: "fill-slate-400 dark:fill-slate-500", bg: "bg-slate-400 dark:bg-slate-500" };

const colour = (key: string, n: number) => (key === OTHER_KEY ? OTHER_COLOUR : COLOURS[n % COLOURS.length]);

/** How a key reads: "" is an intent that named none; OTHER_KEY is the summed tail. */
export function dimensionLabel(d: DimensionSpend, key: string) {
  if (key === OTHER_KEY) return `Other (${d.others} more)`;
  if (key === "") return d.dimension === "category" ? "No category" : "No merchant";
  return key;
}

/**
 * Spend by category or merchant: a stacked bar per day (value axis, day axis, each segment's
 * day, name and amount on hover) over a table of the top names with amount and share, which is
 * also the chart's text alternative.
 */
export function SpendBreakdown({ data, currency, noun }: { data: DimensionSpend; currency: string; noun: string }) {
  if (data.top.length === 0) {
    return <p className="px-4 py-6 text-sm text-slate-500 dark:text-slate-400">No spend in the window yet, so nothing to split by {noun}.</p>;
  }
  const fmt = (n: number) => formatMoney(n, currency);
  const max = Math.max(...data.days.map((d) => d.amounts.reduce((s, a) => s + a, 0)), 1);
  const left = PAD.left + AXIS;
  const innerW = W - left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const slot = innerW / data.days.length;
  const barW = Math.max(2, slot * 0.68);
  const ticks = [0, Math.floor(data.days.length / 2), data.days.length - 1];
  const leader = data.top[0];
  return (
    <>
      <figure className="px-4 pt-4 sm:px-5">
        <svg
          viewBox={`0 0 ${W} ${H}`}
          className="h-56 w-full"
          role="img"
          aria-label={`Spend per day by ${noun} over the last ${data.days.length} days, ${fmt(data.total)} in total; the largest is ${dimensionLabel(data, leader.key)} with ${fmt(leader.amount)}. The table below lists every amount.`}
        >
          {[0.5, 1].map((f) => (
            <text key={`y${f}`} x={left - 6} y={PAD.top + innerH * (1 - f) + 4} textAnchor="end" className="fill-slate-500 text-[12px] dark:fill-slate-400">
              {fmt(Math.round(max * f))}
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
          {data.days.map((d, n) => {
            let y = PAD.top + innerH;
            return (
              <g key={d.day}>
                {d.amounts.map((amount, k) => {
                  if (amount <= 0) return null;
                  const h = Math.max(1.5, (amount / max) * innerH);
                  y -= h;
                  const key = data.top[k].key;
                  return (
                    <rect key={key} x={left + n * slot + (slot - barW) / 2} y={y} width={barW} height={h} className={colour(key, k).fill}>
                      <title>{`${formatShortDate(d.day)} · ${dimensionLabel(data, key)}: ${fmt(amount)}`}</title>
                    </rect>
                  );
                })}
              </g>
            );
          })}
          {ticks.map((n) => (
            <text
              key={n}
              x={left + n * slot + slot / 2}
              y={H - 6}
              textAnchor={n === 0 ? "start" : n === data.days.length - 1 ? "end" : "middle"}
              className="fill-slate-500 text-[12px] dark:fill-slate-400"
            >
              {formatShortDate(data.days[n].day)}
            </text>
          ))}
        </svg>
        <figcaption className="mt-2 text-xs text-slate-500 dark:text-slate-400">
          Highest day: {fmt(max)} · {data.days.length}-day total: {fmt(data.total)}. Hover a segment for its day, {noun} and amount.
        </figcaption>
      </figure>
      <div className="mt-3">
        <Table label={`Spend by ${noun}`}>
          <THead>
            <Th>{noun[0].toUpperCase() + noun.slice(1)}</Th>
            <Th align="right">Spend</Th>
            <Th align="right" className="sm:w-1/3 sm:text-left">
              Share
            </Th>
          </THead>
          <TBody>
            {data.top.map((t, n) => (
              <Tr key={t.key}>
                <Td className="max-w-[9rem] sm:max-w-[12rem]">
                  <span className="flex items-center gap-2">
                    <span aria-hidden className={`size-2.5 shrink-0 rounded-sm ${colour(t.key, n).bg}`} />
                    <span className={`truncate ${t.key === "" || t.key === OTHER_KEY ? "text-slate-500 italic dark:text-slate-400" : "font-medium"}`}>
                      {dimensionLabel(data, t.key)}
                    </span>
                  </span>
                </Td>
                <Td align="right" className="font-medium whitespace-nowrap">
                  <MoneyText amount={t.amount} currency={currency} />
                </Td>
                <Td>
                  <span className="flex items-center justify-end gap-2">
                    <span className="hidden h-1.5 min-w-10 flex-1 overflow-hidden sm:block rounded-full bg-slate-100 dark:bg-slate-800">
                      <span className={`block h-full rounded-full ${colour(t.key, n).bg}`} style={{ width: `${Math.max(1, Math.round(t.share * 100))}%` }} />
                    </span>
                    <span className="w-10 text-right text-xs text-slate-600 tabular-nums dark:text-slate-300">
                      {t.share > 0 && t.share < 0.01 ? "<1" : Math.round(t.share * 100)} %
                    </span>
                  </span>
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </div>
    </>
  );
}
