import { describe, expect, it } from "vitest";
import { checkGroupStaffing } from "./check-group-staffing";

describe("checkGroupStaffing", () => {
  it("refuses a group with no members or fewer members than its quorum", () => {
    expect(() => checkGroupStaffing(0, 1)).toThrow(/at least one member/);
    expect(() => checkGroupStaffing(1, 3)).toThrow(/quorum is 3 but the group has 1 member:/);
    expect(() => checkGroupStaffing(2, 2)).not.toThrow();
    expect(() => checkGroupStaffing(3, 1)).not.toThrow();
  });
});
