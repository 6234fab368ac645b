import { describe, expect, it } from "vitest";
import { utcDayWindow, utcMonthWindow } from "./budget-windows";

const iso = (w: { start: Date; resetsAt: Date }) => [w.start.toISOString(), w.resetsAt.toISOString()];

describe("utcDayWindow", () => {
  it("the last millisecond of a day still belongs to that day", () => {
    expect(iso(utcDayWindow(new Date("2025-03-15T23:59:59.999Z")))).toEqual([
      "2025-03-15T00:00:00.000Z",
      "2025-03-16T00:00:00.000Z",
    ]);
  });

  it("midnight UTC starts the next day", () => {
    expect(iso(utcDayWindow(new Date("2025-03-16T00:00:00.000Z")))).toEqual([
      "2025-03-16T00:00:00.000Z",
      "2025-03-17T00:00:00.000Z",
    ]);
  });

  it("uses UTC, not the local offset of the timestamp", () => {
    // 23:30 IST on the 15th is 18:00Z on the 15th.
    expect(iso(utcDayWindow(new Date("2025-03-15T23:30:00+05:30")))[0]).toBe("2025-03-15T00:00:00.000Z");
    // 04:00 IST on the 16th is still the 15th in UTC.
    expect(iso(utcDayWindow(new Date("2025-03-16T04:00:00+05:30")))[0]).toBe("2025-03-15T00:00:00.000Z");
  });

  it("rolls over month and year ends", () => {
    expect(utcDayWindow(new Date("2024-02-29T12:00:00Z")).resetsAt.toISOString()).toBe("2024-03-01T00:00:00.000Z");
    expect(utcDayWindow(new Date("2025-02-28T12:00:00Z")).resetsAt.toISOString()).toBe("2025-03-01T00:00:00.000Z");
    expect(utcDayWindow(new Date("2025-12-31T23:59:59.999Z")).resetsAt.toISOString()).toBe("2026-01-01T00:00:00.000Z");
  });
});

describe("utcMonthWindow", () => {
  it("covers the calendar month", () => {
    expect(iso(utcMonthWindow(new Date("2025-03-15T10:00:00Z")))).toEqual([
      "2025-03-01T00:00:00.000Z",
      "2025-04-01T00:00:00.000Z",
    ]);
  });

  it("Feb 28 in a common year ends the month; Mar 1 starts the next", () => {
    expect(iso(utcMonthWindow(new Date("2025-02-28T23:59:59.999Z")))).toEqual([
      "2025-02-01T00:00:00.000Z",
      "2025-03-01T00:00:00.000Z",
    ]);
    expect(iso(utcMonthWindow(new Date("2025-03-01T00:00:00.000Z")))[0]).toBe("2025-03-01T00:00:00.000Z");
  });

  it("Feb 28 in a leap year is not the month end; Feb 29 is", () => {
    expect(utcMonthWindow(new Date("2024-02-28T23:59:59.999Z")).resetsAt.toISOString()).toBe("2024-03-01T00:00:00.000Z");
    expect(iso(utcMonthWindow(new Date("2024-02-29T23:59:59.999Z")))).toEqual([
      "2024-02-01T00:00:00.000Z",
      "2024-03-01T00:00:00.000Z",
    ]);
  });

  it("Dec 31 rolls into January of the next year", () => {
    expect(iso(utcMonthWindow(new Date("2025-12-31T23:59:59.999Z")))).toEqual([
      "2025-12-01T00:00:00.000Z",
      "2026-01-01T00:00:00.000Z",
    ]);
    expect(iso(utcMonthWindow(new Date("2026-01-01T00:00:00.000Z")))).toEqual([
      "2026-01-01T00:00:00.000Z",
      "2026-02-01T00:00:00.000Z",
    ]);
  });
});
