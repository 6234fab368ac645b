import { WEEKDAYS, type TimeWindowRule, type Weekday } from "./types";

export type LocalMoment = { weekday: Weekday; minutes: number; time: string };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", weekday: "short", hour: "2-digit", minute: "2-digit" });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The weekday and wall-clock time at `now` in `timeZone` (Intl follows daylight saving). */
export function localMoment(now: Date, timeZone: string): LocalMoment {
  const parts: Record<string, string> = {};
  for (const { type, value } of formatter(timeZone).formatToParts(now)) parts[type] = value;
  const weekday = parts.weekday.toLowerCase().slice(0, 3) as Weekday;
  const minutes = Number(parts.hour) * 60 + Number(parts.minute);
  return { weekday, minutes, time: `${parts.hour}:${parts.minute}` };
}

export const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Whether `now` falls in the window. A window whose end is before its start spans midnight;
 * its after-midnight part belongs to the day it started on (Friday 22:00–06:00 covers
 * Saturday 03:00). start == end means the whole day.
 */
export function isWithinTimeWindow(rule: TimeWindowRule, now: Date, fallbackZone: string): boolean {
  const at = localMoment(now, rule.timeZone ?? fallbackZone);
  const start = minutesOf(rule.start);
  const end = minutesOf(rule.end);
  if (start === end) return rule.days.includes(at.weekday);
  if (start < end) return rule.days.includes(at.weekday) && at.minutes >= start && at.minutes < end;
  if (at.minutes >= start) return rule.days.includes(at.weekday);
  const yesterday = WEEKDAYS[(WEEKDAYS.indexOf(at.weekday) + 6) % 7];
  return at.minutes < end && rule.days.includes(yesterday);
}

const DAY_NAMES: Record<Weekday, string> = { mon: "Mon", tue: "Tue", wed: "Wed", thu: "Thu", fri: "Fri", sat: "Sat", sun: "Sun" };

/** "Mon–Fri 09:00–18:00 Asia/Kolkata" for reasons and the dashboard. */
export function describeTimeWindow(rule: TimeWindowRule, fallbackZone: string): string {
  const sorted = WEEKDAYS.filter((d) => rule.days.includes(d));
  const idx = sorted.map((d) => WEEKDAYS.indexOf(d));
  const consecutive = idx.length > 2 && idx.every((v, i) => i === 0 || v === idx[i - 1] + 1);
  const days = consecutive ? `${DAY_NAMES[sorted[0]]}–${DAY_NAMES[sorted[sorted.length - 1]]}` : sorted.map((d) => DAY_NAMES[d]).join(", ") || "no day";
  const hours = rule.start === rule.end ? "all day" : `${rule.start}–${rule.end}`;
  return `${days} ${hours} ${rule.timeZone ?? fallbackZone}`;
}
