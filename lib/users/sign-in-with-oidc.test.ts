import { describe, expect, it } from "vitest";
import { roleFromClaim } from "./sign-in-with-oidc";

describe("roleFromClaim", () => {
  it("reads a role name or a list of groups, the highest role winning", () => {
    expect(roleFromClaim("approver")).toBe("approver");
    expect(roleFromClaim(" Admin ")).toBe("admin");
    expect(roleFromClaim(["finance", "viewer", "approver"])).toBe("approver");
    expect(roleFromClaim(["admin", "viewer"])).toBe("admin");
  });

  it("grants nothing for a missing, unknown or malformed claim", () => {
    for (const v of [undefined, null, "", "superuser", ["finance"], 7, { role: "admin" }]) expect(roleFromClaim(v)).toBeNull();
  });
});
