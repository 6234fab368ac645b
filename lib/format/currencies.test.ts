import { describe, expect, it } from "vitest";
import { currencyChoices, isCurrencyCode } from "./currencies";
import { CurrencySchema } from "@/lib/wallets/wallet-schemas";

describe("ISO 4217 currencies", () => {
  it("knows real codes and refuses made-up ones, in the schema wallets and agents use", () => {
    expect(isCurrencyCode("INR")).toBe(true);
    expect(isCurrencyCode("XYZ")).toBe(false);
    expect(CurrencySchema.parse(" usd ")).toBe("USD");
    expect(CurrencySchema.safeParse("XYZ").success).toBe(false);
  });

  it("offers the organisation's currency first", () => {
    const choices = currencyChoices("INR");
    expect(choices[0]).toBe("INR");
    expect(choices).toContain("USD");
    expect(choices.filter((c) => c === "INR")).toHaveLength(1);
  });
});
