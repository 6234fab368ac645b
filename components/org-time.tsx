"use client";

import { createContext, useContext } from "react";
import { formatDate, formatDateTime, formatFullStamp, timeAgo, timeUntil } from "@/lib/format/time";

const OrgTimeZoneContext = createContext("UTC");

/** The organisation's IANA zone for every time below it; the dashboard layout sets it once. */
export function OrgTimeZoneProvider({ timeZone, children }: { timeZone: string; children: React.ReactNode }) {
  return <OrgTimeZoneContext.Provider value={timeZone}>{children}</OrgTimeZoneContext.Provider>;
}

export const useOrgTimeZone = () => useContext(OrgTimeZoneContext);

/** A moment in the organisation's zone, with the full stamp (seconds, and UTC) on hover. */
export function Time({ at, dateOnly, className }: { at: string | Date; dateOnly?: boolean; className?: string }) {
  const tz = useOrgTimeZone();
  const iso = new Date(at).toISOString();
  return (
    <time dateTime={iso} title={formatFullStamp(iso, tz)} className={className}>
      {dateOnly ? formatDate(iso, tz) : formatDateTime(iso, tz)}
    </time>
  );
}

/** "3 h ago" / "in 2 d" for a moment, ticking with `now`, with the same full stamp on hover. */
export function RelativeTime({ at, now, until, className }: { at: string; now: number; until?: boolean; className?: string }) {
  const tz = useOrgTimeZone();
  return (
    <time dateTime={at} title={formatFullStamp(at, tz)} className={className} suppressHydrationWarning>
      {until ? timeUntil(at, now) : timeAgo(at, now)}
    </time>
  );
}
