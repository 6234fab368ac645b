import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatCount, formatMinorUnits, minorUnitDigits } from "./format-minor-units";

describe("minorUnitDigits", () => {
  it("knows the minor-unit digits of common currencies", () => {
    expect(minorUnitDigits("INR")).toBe(2);
    expect(minorUnitDigits("USD")).toBe(2);
    expect(minorUnitDigits("EUR")).toBe(2);
    expect(minorUnitDigits("JPY")).toBe(0);
  });

  it("falls back to 2 for a code Intl does not accept", () => {
    expect(minorUnitDigits("not-a-code")).toBe(2);
  });
});

describe("formatMinorUnits", () => {
  it("formats paise as rupees with the code", () => {
    expect(formatMinorUnits(1_250_000, "INR")).toBe("12,500.00 INR");
    expect(formatMinorUnits(1, "INR")).toBe("0.01 INR");
    expect(formatMinorUnits(0, "USD")).toBe("0.00 USD");
    expect(formatMinorUnits(10_000_000, "EUR")).toBe("100,000.00 EUR");
    expect(formatMinorUnits(12_500_000, "INR")).toBe("1,25,000.00 INR"); // lakh grouping for rupees
    expect(formatMinorUnits(1_000_000_000, "inr")).toBe("1,00,00,000.00 INR");
  });

  it("formats zero-decimal currencies without a fraction", () => {
    expect(formatMinorUnits(1500, "JPY")).toBe("1,500 JPY");
  });

  it("upper-cases and trims the code", () => {
    expect(formatMinorUnits(199, " usd ")).toBe("1.99 USD");
  });

  it("groups counts beside amounts the way the amounts are grouped", () => {
    expect(formatCount(902_160, "INR")).toBe("9,02,160");
    expect(formatCount(902_160, "usd")).toBe("902,160");
    expect(formatCount(7, "JPY")).toBe("7");
  });

  it("prints every whole amount exactly as Intl would, the second time from its cache too", () => {
    const currencies = ["INR", "USD", "JPY", "KWD", " eur "];
    fc.assert(
      fc.property(fc.constantFrom(...currencies), fc.integer({ min: -9e12, max: 9e12 }), (currency, amount) => {
        const code = currency.trim().toUpperCase();
        const digits = minorUnitDigits(code);
        const intl = new Intl.NumberFormat(code === "INR" ? "en-IN" : "en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
        // Intl formats a Number: amounts stay below 2^53 / 1000 so the division prints exactly.
        const expected = `${intl.format(amount / 10 ** digits)} ${code}`;
        expect(formatMinorUnits(amount, currency)).toBe(expected);
        expect(formatMinorUnits(amount, currency)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
