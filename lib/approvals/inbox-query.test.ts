import { describe, expect, it } from "vitest";
import { parseInboxQuery } from "./inbox-query";

describe("parseInboxQuery", () => {
  it("defaults to your items, oldest first, 20 a page", () => {
    expect(parseInboxQuery({}, "INR")).toEqual({ view: "yours", sort: "oldest", limit: 20 });
  });

  it("reads the filter chips and amounts in rupees", () => {
    const q = parseInboxQuery(
      {
        view: "others",
        agent: "3f2b8c1e-1d2a-4c3b-9e8f-0a1b2c3d4e5f",
        min: "20,000",
        max: "1,00,000",
        rule: "auto_approve_limit",
        waiting: "24h",
      },
      "INR",
    );
    expect(q).toMatchObject({ view: "others", min: 2_000_000, max: 10_000_000, rule: "auto_approve_limit", waiting: "24h" });
  });

  it("reads amounts in the organisation's currency, with its minor-unit digits", () => {
    expect(parseInboxQuery({ min: "25,000", max: "75000.5" }, "USD")).toMatchObject({ min: 2_500_000, max: 7_500_050 });
    // JPY has no minor unit: 25,000 yen is 25,000, and a fraction is not an amount.
    expect(parseInboxQuery({ min: "25,000", max: "75000.5" }, "JPY")).toMatchObject({ min: 25_000, max: undefined });
    expect(parseInboxQuery({ min: "1.005" }, "KWD")).toMatchObject({ min: 1_005 });
  });

  it("drops what does not parse instead of failing", () => {
    expect(parseInboxQuery({ view: "x", agent: "nope", min: "abc", rule: "drop table", waiting: "1y", limit: "5000" }, "INR")).toEqual({
      view: "yours",
      sort: "oldest",
      limit: 20,
    });
  });
});
