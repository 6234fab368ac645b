import { describe, expect, it } from "vitest";
import { optionalMinorUnits, optionalString, requireMinorUnits, requireString } from "@/lib/cli/admin-command-args";
import { formatAdminResult } from "@/lib/cli/format-admin-result";
import { AppError } from "@/lib/errors/app-error";

describe("admin command options", () => {
  it("requires strings and trims them", () => {
    expect(requireString({ name: "  Acme " }, "name")).toBe("Acme");
    expect(() => requireString({}, "name")).toThrow(/--name is required/);
    expect(optionalString({ name: "" }, "name")).toBeUndefined();
    expect(() => optionalString({ name: true }, "name")).toThrow(AppError);
  });

  it("accepts only whole minor units", () => {
    expect(requireMinorUnits({ amount: "12500" }, "amount")).toBe(12500);
    expect(optionalMinorUnits({}, "balance")).toBeUndefined();
    for (const bad of ["12.5", "-5", "1e3", "abc", "99999999999999999999"]) {
      expect(() => requireMinorUnits({ amount: bad }, "amount"), bad).toThrow(AppError);
    }
  });
});

describe("formatAdminResult", () => {
  it("prints a created key once, with a warning", () => {
    const text = formatAdminResult(["key", "create"], { id: "key_1", kind: "agent", name: "Bot key", prefix: "aegis_sk_abc", key: "aegis_sk_secret" });
    expect(text).toContain("aegis_sk_secret");
    expect(text).toMatch(/not shown again/);
  });

  it("formats wallets from minor units", () => {
    const text = formatAdminResult(["wallet", "fund"], { agent_id: "a", wallet: { currency: "INR", balance: 1234500, held: 0, available: 1234500 } });
    expect(text).toContain("12345.00 INR");
  });
});
