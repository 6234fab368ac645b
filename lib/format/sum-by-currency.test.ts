import { describe, expect, it } from "vitest";
import { formatSums } from "./sum-by-currency";
import { formatMoney } from "./money";

describe("formatSums", () => {
  it("adds within a currency and never across", () => {
    expect(
      formatSums([
        { amount: 100, currency: "INR" },
        { amount: 250, currency: "INR" },
      ]),
    ).toBe(formatMoney(350, "INR"));
    expect(
      formatSums([
        { amount: 100, currency: "INR" },
        { amount: 5, currency: "USD" },
        { amount: 1, currency: "INR" },
      ]),
    ).toBe(`${formatMoney(101, "INR")} + ${formatMoney(5, "USD")}`);
  });
});
