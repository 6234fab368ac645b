import { describe, expect, it } from "vitest";
import { CreateDelegationSchema } from "./delegation-schemas";

const body = (starts_at: unknown, ends_at: unknown) => ({ to_user: "someone@example.test", starts_at, ends_at });

describe("CreateDelegationSchema", () => {
  // Found by the hostile-input suite: a date that did not parse reached the date comparison as text (a 500).
  it("a field that is not a date is a validation issue on that field, not a thrown TypeError", () => {
    for (const [s, e] of [
      ["2026-12-01T09:00:00Z", "' OR 1=1 --"],
      ["../../etc/passwd", "2026-12-01T09:00:00Z"],
      ["", "x".repeat(100)],
      [5, null],
    ]) {
      const r = CreateDelegationSchema.safeParse(body(s, e));
      expect(r.success).toBe(false);
      expect(r.error!.issues.every((i) => i.path[0] === "starts_at" || i.path[0] === "ends_at")).toBe(true);
    }
  });

  it("still compares the two dates once both parse", () => {
    expect(CreateDelegationSchema.safeParse(body("2026-12-01T09:00:00Z", "2026-12-02T09:00:00+05:30")).success).toBe(true);
    expect(CreateDelegationSchema.safeParse(body("2026-12-03T09:00:00Z", "2026-12-02T09:00:00Z")).error?.issues[0]?.message).toBe(
      "ends_at must be after starts_at",
    );
    expect(CreateDelegationSchema.safeParse(body("2026-01-01T00:00:00Z", "2027-06-01T00:00:00Z")).error?.issues[0]?.message).toBe(
      "a delegation lasts at most a year",
    );
  });
});
