import { describe, expect, it } from "vitest";
import { toDisplayText } from "./display-text";
import { formatMoney } from "./money";

describe("toDisplayText", () => {
  it("writes a budget reset in the organisation's zone, as every other time on screen", () => {
    expect(toDisplayText("Spend today would be 10.00 INR of the daily budget of 500.00 INR (resets at 2026-11-29T18:30:00.000Z).", "Asia/Kolkata")).toBe(
      `Spend today would be ${formatMoney(1000, "INR")} of the daily budget of ${formatMoney(50000, "INR")} (resets at 30 Nov 2026, 12:00 am IST).`,
    );
  });

  it("rewrites a notification's UTC expiry", () => {
    expect(toDisplayText("Expires: 2026-11-30 10:00 UTC", "Asia/Kolkata")).toBe("Expires: 30 Nov 2026, 3:30 pm IST");
  });

  it("shows confidence as a percentage", () => {
    expect(toDisplayText("Confidence 0.55 is below the minimum of 0.6; a human must approve.", "UTC")).toBe(
      "Confidence 55% is below the minimum of 60%; a human must approve.",
    );
    expect(toDisplayText("Confidence 1 meets the minimum of 0.6.", "UTC")).toBe("Confidence 100% meets the minimum of 60%.");
  });

  it("leaves other text alone", () => {
    expect(toDisplayText("The agent is suspended (risk HIGH).", "UTC")).toBe("The agent is suspended (risk HIGH).");
  });
});
