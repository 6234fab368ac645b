import { describe, expect, it } from "vitest";
import { formatMoney } from "./money";
import { withDisplayAmounts } from "./reason-amounts";

describe("withDisplayAmounts", () => {
  it("writes a reason's amounts as the cards do", () => {
    expect(withDisplayAmounts("Amount 12,500.00 INR exceeds the auto-approve limit of 10,000.00 INR; a human must approve.")).toBe(
      `Amount ${formatMoney(1_250_000, "INR")} exceeds the auto-approve limit of ${formatMoney(1_000_000, "INR")}; a human must approve.`,
    );
    expect(withDisplayAmounts("over 1,00,000.00 INR")).toBe("over ₹1,00,000.00");
    expect(withDisplayAmounts("spent 1,250.50 USD")).toBe(`spent ${formatMoney(125_050, "USD")}`);
  });

  it("leaves other text alone", () => {
    expect(withDisplayAmounts("The agent is suspended (risk HIGH).")).toBe("The agent is suspended (risk HIGH).");
  });
});
