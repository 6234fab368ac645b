import { describe, expect, it } from "vitest";
import { isCurrencyCode } from "./currencies";
import { CurrencySchema } from "@/lib/wallets/wallet-schemas";

describe("ISO 4217 currencies", () => {
  it("knows real codes and refuses made-up ones, in the schema wallets and agents use", () => {
    expect(isCurrencyCode("INR")).toBe(true);
    expect(isCurrencyCode("XYZ")).toBe(false);
    expect(CurrencySchema.parse(" usd ")).toBe("USD");
    expect(CurrencySchema.safeParse("XYZ").success).toBe(false);
  });
});
