import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatFullStamp, formatShortDate, formatUtc } from "./time";

describe("times in the organisation's zone", () => {
  it("shows 23:30 UTC as the next morning in India, and UTC for the hover text", () => {
    expect(formatDateTime("2026-11-28T23:30:00Z", "Asia/Kolkata")).toBe("29 Nov 2026, 5:00 am IST");
    expect(formatUtc("2026-11-28T23:30:00Z")).toBe("28 Nov 2026, 11:30 pm UTC");
    expect(formatDate("2026-11-28T23:30:00Z", "Asia/Kolkata")).toBe("29 Nov 2026");
  });

  it("defaults to UTC and knows other zones", () => {
    expect(formatDateTime("2026-11-28T23:30:00Z")).toBe("28 Nov 2026, 11:30 pm UTC");
    expect(formatDateTime("2026-11-28T23:30:00Z", "America/New_York")).toBe("28 Nov 2026, 6:30 pm GMT-5");
  });

  it("writes a calendar day as it is, whatever the zone", () => {
    expect(formatShortDate("2026-11-29")).toBe("29 Nov");
  });

  it("gives the full stamp, to the second, in the zone and in UTC, for hover text", () => {
    expect(formatFullStamp("2026-11-28T23:30:07Z", "Asia/Kolkata")).toBe("29 Nov 2026, 5:00:07 am IST · 28 Nov 2026, 11:30 pm UTC");
    expect(formatFullStamp("2026-11-28T23:30:07Z")).toBe("28 Nov 2026, 11:30:07 pm UTC");
  });
});
