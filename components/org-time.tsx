"use client";

import { createContext, useContext } from "react";
import { formatDate, formatDateTime, formatUtc } from "@/lib/format/time";

const OrgTimeZoneContext = createContext("UTC");

/** The organisation's IANA zone for every time below it; the dashboard layout sets it once. */
export function OrgTimeZoneProvider({ timeZone, children }: { timeZone: string; children: React.ReactNode }) {
  return <OrgTimeZoneContext.Provider value={timeZone}>{children}</OrgTimeZoneContext.Provider>;
}

export const useOrgTimeZone = () => useContext(OrgTimeZoneContext);

/** A moment in the organisation's zone, with UTC on hover (and for screen readers via dateTime). */
export function Time({ at, dateOnly, className }: { at: string | Date; dateOnly?: boolean; className?: string }) {
  const tz = useOrgTimeZone();
  const iso = new Date(at).toISOString();
  return (
    <time dateTime={iso} title={formatUtc(iso)} className={className}>
      {dateOnly ? formatDate(iso, tz) : formatDateTime(iso, tz)}
    </time>
  );
}
