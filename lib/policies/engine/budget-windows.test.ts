import { describe, expect, it } from "vitest";
import { dayWindow, localDate, monthWindow } from "./budget-windows";

const iso = (w: { start: Date; resetsAt: Date }) => [w.start.toISOString(), w.resetsAt.toISOString()];

describe("dayWindow in UTC", () => {
  it("the last millisecond of a day still belongs to that day", () => {
    expect(iso(dayWindow(new Date("2025-03-15T23:59:59.999Z")))).toEqual(["2025-03-15T00:00:00.000Z", "2025-03-16T00:00:00.000Z"]);
  });

  it("midnight UTC starts the next day", () => {
    expect(iso(dayWindow(new Date("2025-03-16T00:00:00.000Z")))).toEqual(["2025-03-16T00:00:00.000Z", "2025-03-17T00:00:00.000Z"]);
  });

  it("uses UTC, not the local offset of the timestamp", () => {
    // 23:30 IST on the 15th is 18:00Z on the 15th.
    expect(iso(dayWindow(new Date("2025-03-15T23:30:00+05:30")))[0]).toBe("2025-03-15T00:00:00.000Z");
    // 04:00 IST on the 16th is still the 15th in UTC.
    expect(iso(dayWindow(new Date("2025-03-16T04:00:00+05:30")))[0]).toBe("2025-03-15T00:00:00.000Z");
  });

  it("rolls over month and year ends", () => {
    expect(dayWindow(new Date("2024-02-29T12:00:00Z")).resetsAt.toISOString()).toBe("2024-03-01T00:00:00.000Z");
    expect(dayWindow(new Date("2025-02-28T12:00:00Z")).resetsAt.toISOString()).toBe("2025-03-01T00:00:00.000Z");
    expect(dayWindow(new Date("2025-12-31T23:59:59.999Z")).resetsAt.toISOString()).toBe("2026-01-01T00:00:00.000Z");
  });
});

describe("monthWindow in UTC", () => {
  it("covers the calendar month", () => {
    expect(iso(monthWindow(new Date("2025-03-15T10:00:00Z")))).toEqual(["2025-03-01T00:00:00.000Z", "2025-04-01T00:00:00.000Z"]);
  });

  it("Feb 28 in a common year ends the month; Mar 1 starts the next", () => {
    expect(iso(monthWindow(new Date("2025-02-28T23:59:59.999Z")))).toEqual(["2025-02-01T00:00:00.000Z", "2025-03-01T00:00:00.000Z"]);
    expect(iso(monthWindow(new Date("2025-03-01T00:00:00.000Z")))[0]).toBe("2025-03-01T00:00:00.000Z");
  });

  it("Feb 28 in a leap year is not the month end; Feb 29 is", () => {
    expect(monthWindow(new Date("2024-02-28T23:59:59.999Z")).resetsAt.toISOString()).toBe("2024-03-01T00:00:00.000Z");
    expect(iso(monthWindow(new Date("2024-02-29T23:59:59.999Z")))).toEqual(["2024-02-01T00:00:00.000Z", "2024-03-01T00:00:00.000Z"]);
  });

  it("Dec 31 rolls into January of the next year", () => {
    expect(iso(monthWindow(new Date("2025-12-31T23:59:59.999Z")))).toEqual(["2025-12-01T00:00:00.000Z", "2026-01-01T00:00:00.000Z"]);
    expect(iso(monthWindow(new Date("2026-01-01T00:00:00.000Z")))).toEqual(["2026-01-01T00:00:00.000Z", "2026-02-01T00:00:00.000Z"]);
  });
});

describe("windows in the organisation's time zone", () => {
  it("a Kolkata day runs from 18:30Z the day before", () => {
    // 23:30 IST on the 15th is 18:00Z on the 15th: still the 15th in Kolkata.
    expect(iso(dayWindow(new Date("2025-03-15T23:30:00+05:30"), "Asia/Kolkata"))).toEqual(["2025-03-14T18:30:00.000Z", "2025-03-15T18:30:00.000Z"]);
    // 00:10 IST on the 16th is 18:40Z on the 15th: already the 16th in Kolkata.
    expect(iso(dayWindow(new Date("2025-03-15T18:40:00Z"), "Asia/Kolkata"))[0]).toBe("2025-03-15T18:30:00.000Z");
    expect(localDate(new Date("2025-03-15T18:40:00Z"), "Asia/Kolkata")).toBe("2025-03-16");
    expect(localDate(new Date("2025-03-15T18:40:00Z"), "UTC")).toBe("2025-03-15");
  });

  it("a Kolkata month starts at 18:30Z on the last day of the previous month", () => {
    expect(iso(monthWindow(new Date("2025-12-31T19:00:00Z"), "Asia/Kolkata"))).toEqual(["2025-12-31T18:30:00.000Z", "2026-01-31T18:30:00.000Z"]);
  });

  it("days across a DST change are 23 and 25 hours long", () => {
    const spring = dayWindow(new Date("2025-03-09T12:00:00Z"), "America/New_York");
    expect(iso(spring)).toEqual(["2025-03-09T05:00:00.000Z", "2025-03-10T04:00:00.000Z"]);
    const autumn = dayWindow(new Date("2025-11-02T12:00:00Z"), "America/New_York");
    expect(iso(autumn)).toEqual(["2025-11-02T04:00:00.000Z", "2025-11-03T05:00:00.000Z"]);
    expect(iso(monthWindow(new Date("2025-03-30T12:00:00Z"), "Europe/London"))).toEqual(["2025-03-01T00:00:00.000Z", "2025-03-31T23:00:00.000Z"]);
  });

  it("asking for an earlier time after a later one gives that earlier window", () => {
    expect(dayWindow(new Date("2025-03-20T10:00:00Z"), "Asia/Kolkata").start.toISOString()).toBe("2025-03-19T18:30:00.000Z");
    expect(dayWindow(new Date("2025-03-10T10:00:00Z"), "Asia/Kolkata").start.toISOString()).toBe("2025-03-09T18:30:00.000Z");
  });
});
