import { describe, expect, it } from "vitest";
import { amountText } from "@/lib/policies/policy-form";
import { formatMoney, formatWholeMoney } from "./money";

describe("money grouping follows the currency", () => {
  it("rupees in lakhs and crores, dollars and euros in thousands", () => {
    expect(formatMoney(50_000_000, "INR")).toBe("₹5,00,000.00");
    expect(formatMoney(50_000_000, "USD")).toBe("$500,000.00");
    expect(formatMoney(50_000_000, "EUR")).toBe("€500,000.00");
    expect(formatMoney(50_000_000, "JPY")).toBe("¥50,000,000");
    expect(formatWholeMoney(100_000, "USD")).toBe("$100,000");
    expect(formatWholeMoney(100_000, "INR")).toBe("₹1,00,000");
  });

  it("the policy form shows a limit the way its currency is read", () => {
    expect(amountText(10_000_000, "USD")).toBe("100,000.00");
    expect(amountText(10_000_000, "INR")).toBe("1,00,000.00");
  });
});
