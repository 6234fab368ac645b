const dateTime = new Intl.DateTimeFormat("en-IN", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const dateOnly = new Intl.DateTimeFormat("en-IN", { day: "numeric", month: "short", timeZone: "UTC" });

/** Dates are shown in UTC, like budget windows, so a day's spend means the same everywhere. */
export function formatDateTime(iso: string | Date): string {
  return `${dateTime.format(new Date(iso))} UTC`;
}

export function formatShortDate(iso: string | Date): string {
  return dateOnly.format(new Date(iso));
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
