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

  it("formats wallets from minor units, in the currency's own minor-unit digits", () => {
    const inr = formatAdminResult(["wallet", "fund"], { agent_id: "a", wallet: { currency: "INR", balance: 1234500, held: 0, available: 1234500 } });
    expect(inr).toContain("wallet 12,345.00 INR (held 0.00 INR, available 12,345.00 INR)");
    // JPY has no minor unit: 1,234,500 yen, not 12,345.00.
    const jpy = formatAdminResult(["wallet", "fund"], { agent_id: "a", wallet: { currency: "JPY", balance: 1234500, held: 500, available: 1234000 } });
    expect(jpy).toContain("wallet 1,234,500 JPY (held 500 JPY, available 1,234,000 JPY)");
    const kwd = formatAdminResult(["wallet", "ledger"], {
      agent_id: "a",
      count: 1,
      entries: [{ created_at: "2026-11-29T00:00:00.000Z", kind: "credit", amount: 1005, balance_after: 1005, currency: "KWD", memo: "x" }],
    });
    expect(kwd).toContain("credit  1.005 KWD  → 1.005 KWD");
  });

  it("shows an organisation's currency", () => {
    expect(formatAdminResult(["org", "create"], { id: "org_1", name: "Globex", timeZone: "UTC", currency: "USD" })).toBe(
      "Created organisation Globex (org_1), currency USD",
    );
    expect(formatAdminResult(["org", "list"], [{ id: "org_1", name: "Globex", currency: "JPY", users: 2, agents: 1 }])).toBe(
      "org_1  Globex  JPY  (2 users, 1 agents)",
    );
  });
});
