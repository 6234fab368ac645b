import { describe, expect, it } from "vitest";
import { cleanSearchParams } from "./search-params";

describe("cleanSearchParams", () => {
  it("keeps the first of repeated values, drops unsafe or oversized text and unknown keys", () => {
    const { params, dropped } = cleanSearchParams(
      { actor: ["a", "b"], target: "x\u0000", from: "2026-01-01", to: "y".repeat(501), other: "z", __proto__: "p" } as Record<string, string | string[]>,
      ["actor", "target", "from", "to", "cursor"] as const,
    );
    expect(params).toEqual({ actor: "a", from: "2026-01-01" });
    expect(dropped).toEqual(["target", "to"]);
  });
});
