const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(kind: "dateTime" | "full" | "date" | "day", timeZone: string): Intl.DateTimeFormat {
  const key = `${kind}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      kind === "dateTime"
        ? { day: "numeric", month: "short", year: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" }
        : kind === "full"
          ? { day: "numeric", month: "short", year: "numeric", hour: "numeric", minute: "2-digit", second: "2-digit", timeZoneName: "short" }
          : kind === "date"
            ? { day: "numeric", month: "short", year: "numeric" }
            : { day: "numeric", month: "short" };
    f = new Intl.DateTimeFormat("en-IN", { ...options, timeZone });
    if (formatters.size < 200) formatters.set(key, f);
  }
  return f;
}

/**
 * A moment in the organisation's time zone, with the zone's short name:
 * formatDateTime("2026-11-28T23:30:00Z", "Asia/Kolkata") → "29 Nov 2026, 5:00 am IST".
 * The zone is the organisation's, not the browser's, so server and client render the same.
 */
export function formatDateTime(iso: string | Date, timeZone = "UTC"): string {
  return formatter("dateTime", timeZone).format(new Date(iso));
}

/** The same moment in UTC, for the hover text beside every local time. */
export function formatUtc(iso: string | Date): string {
  return formatter("dateTime", "UTC").format(new Date(iso));
}

/**
 * The full stamp for the hover text of every time on screen: to the second in the
 * organisation's zone, then UTC ("29 Nov 2026, 5:00:07 am IST · 28 Nov 2026, 11:30 pm UTC").
 */
export function formatFullStamp(iso: string | Date, timeZone = "UTC"): string {
  const local = formatter("full", timeZone).format(new Date(iso));
  return timeZone === "UTC" ? local : `${local} · ${formatUtc(iso)}`;
}

/** The calendar date of a moment in a zone: "29 Nov 2026". */
export function formatDate(iso: string | Date, timeZone = "UTC"): string {
  return formatter("date", timeZone).format(new Date(iso));
}

/** A calendar day written as YYYY-MM-DD (already in the organisation's zone): "29 Nov". */
export function formatShortDate(day: string): string {
  return formatter("day", "UTC").format(new Date(`${day.slice(0, 10)}T00:00:00Z`));
}

/** A span of time as "3 min", "2 h 5 min", "4 d". */
export function formatDuration(ms: number): string {
  const min = Math.max(0, Math.round(ms / 60_000));
  if (min < 1) return "<1 min";
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 24) return min % 60 ? `${h} h ${min % 60} min` : `${h} h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} d ${h % 24} h` : `${d} d`;
}

export function timeAgo(iso: string, now = Date.now()): string {
  return `${formatDuration(now - new Date(iso).getTime())} ago`;
}

export function timeUntil(iso: string, now = Date.now()): string {
  const ms = new Date(iso).getTime() - now;
  return ms <= 0 ? "expired" : `in ${formatDuration(ms)}`;
}
