export interface TimeWindow {
  /** Inclusive start of the window. */
  start: Date;
  /** Exclusive end of the window: the moment the budget resets. */
  resetsAt: Date;
  /** `resetsAt` as ISO 8601, made once per window: every decision's trace and budgets print it. */
  resetsAtIso: string;
}

type Parts = { y: number; m: number; d: number; h: number; mi: number; s: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock date and time in `timeZone` at instant `t` (month 0-based, like Date). */
function wallClock(t: number, timeZone: string): Parts {
  const w = new Date(t + zoneOffsetMs(t, timeZone));
  return { y: w.getUTCFullYear(), m: w.getUTCMonth(), d: w.getUTCDate(), h: w.getUTCHours(), mi: w.getUTCMinutes(), s: w.getUTCSeconds() };
}

/**
 * Offsets change only at a zone's transitions, which fall on quarter hours of UTC (every offset
 * is a whole number of quarter hours, and clocks change on the hour or half hour), so one
 * reading of Intl (~10 µs) serves a whole aligned quarter hour. Decisions of one zone and
 * moment read it once; it made most of a policy evaluation's time before.
 */
const QUARTER_HOUR_MS = 900_000;
// Per zone, offset by quarter-hour bucket: a numeric key, no string built per lookup.
const offsets = new Map<string, Map<number, number>>();

/** How far the zone's wall clock is ahead of UTC at instant `t`, in ms. */
function zoneOffsetMs(t: number, timeZone: string): number {
  if (timeZone === "UTC") return 0;
  let zone = offsets.get(timeZone);
  if (!zone) offsets.set(timeZone, (zone = new Map()));
  const bucket = Math.floor(t / QUARTER_HOUR_MS);
  let offset = zone.get(bucket);
  if (offset === undefined) {
    const at = bucket * QUARTER_HOUR_MS;
    const p: Record<string, number> = {};
    for (const { type, value } of formatter(timeZone).formatToParts(at)) if (type !== "literal") p[type] = Number(value);
    offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - at;
    if (zone.size > 20_000) zone.clear();
    zone.set(bucket, offset);
  }
  return offset;
}

/**
 * The instant at which the zone's wall clock shows 00:00 on y-m-d. The offset is read at a
 * first guess and again at the answer, so a DST change between the two is accounted for.
 */
function zonedMidnight(y: number, m: number, d: number, timeZone: string): Date {
  const wall = Date.UTC(y, m, d); // Date.UTC normalises day and month overflow
  let t = wall - zoneOffsetMs(wall, timeZone);
  const again = wall - zoneOffsetMs(t, timeZone);
  if (again !== t) t = again;
  return new Date(t);
}

// One decision asks for the same windows several times; a window stays valid until it resets.
const cache = new Map<string, TimeWindow>();

function cached(key: string, now: Date, make: () => TimeWindow): TimeWindow {
  const hit = cache.get(key);
  const t = now.getTime();
  if (hit && hit.start.getTime() <= t && t < hit.resetsAt.getTime()) return hit;
  const w = make();
  if (cache.size > 1000) cache.clear();
  cache.set(key, w);
  return w;
}

const window = (start: Date, resetsAt: Date): TimeWindow => ({ start, resetsAt, resetsAtIso: resetsAt.toISOString() });

/** The calendar day containing `now` in `timeZone` (IANA): [local 00:00 today, local 00:00 tomorrow). */
export function dayWindow(now: Date, timeZone = "UTC"): TimeWindow {
  return cached(`d:${timeZone}`, now, () => {
    const { y, m, d } = wallClock(now.getTime(), timeZone);
    return window(zonedMidnight(y, m, d, timeZone), zonedMidnight(y, m, d + 1, timeZone));
  });
}

/** The calendar month containing `now` in `timeZone`: [the 1st 00:00 local, the next 1st 00:00 local). */
export function monthWindow(now: Date, timeZone = "UTC"): TimeWindow {
  return cached(`m:${timeZone}`, now, () => {
    const { y, m } = wallClock(now.getTime(), timeZone);
    return window(zonedMidnight(y, m, 1, timeZone), zonedMidnight(y, m + 1, 1, timeZone));
  });
}

/** The calendar date (YYYY-MM-DD) in `timeZone` at `now`: the key of daily counters. */
export function localDate(now: Date, timeZone = "UTC"): string {
  const { y, m, d } = wallClock(now.getTime(), timeZone);
  return `${String(y).padStart(4, "0")}-${String(m + 1).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
