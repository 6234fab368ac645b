import { describe, expect, it } from "vitest";
import { isSelfContainedReply } from "./plain-action-reply";

describe("isSelfContainedReply", () => {
  it("accepts what the browser sends for plain arguments", () => {
    expect(isSelfContainedReply(["agent", 5, null, true, "$$7 escaped", "$undefined", { a: ["$D2026-01-01T00:00:00.000Z", "$n12", "$-0"] }])).toBe(true);
    expect(isSelfContainedReply({ "${7*7}": "keys are not tags" })).toBe(true);
  });

  it("refuses references to parts a single text body cannot carry", () => {
    for (const tag of ["${7*7}", "$1", "$@1", "$K1", "$Q2", "$W3", "$h4", "$F5", "$T", "$", "$nope", "$n12x"]) {
      expect(isSelfContainedReply(["ok", { nested: [tag] }]), tag).toBe(false);
    }
  });
});
