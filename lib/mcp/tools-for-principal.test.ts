import { describe, expect, it } from "vitest";
import type { Principal } from "@/lib/auth/principal";
import { APPROVER_TOOLS, toolsForPrincipal } from "./tools-for-principal";

const agent: Principal = { kind: "agent", orgId: "o", agentId: "a", keyId: "k", label: "agent:x" };
const user = (role: "admin" | "approver" | "viewer"): Principal => ({ kind: "user", orgId: "o", userId: "u", role, email: "e", keyId: "k", label: "e" });

describe("toolsForPrincipal", () => {
  it("never gives an agent key an approval tool", () => {
    const tools = toolsForPrincipal(agent);
    expect(tools).toEqual(["submit_spend_intent", "get_intent", "wait_for_decision", "get_my_budget"]);
    for (const t of APPROVER_TOOLS) expect(tools).not.toContain(t);
  });

  it("gives approvers and admins the approval tools, and viewers only reads", () => {
    for (const role of ["admin", "approver"] as const)
      expect(toolsForPrincipal(user(role))).toEqual(expect.arrayContaining([...APPROVER_TOOLS, "submit_spend_intent"]));
    expect(toolsForPrincipal(user("viewer"))).toEqual(["get_intent", "wait_for_decision"]);
  });
});
