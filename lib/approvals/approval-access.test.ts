import { describe, expect, it } from "vitest";
import { approvalAccess, type ApprovalFacts } from "./approval-access";

const base: ApprovalFacts & { orgId: string } = {
  orgId: "org_1",
  status: "pending",
  requiredRole: "approver",
  approvalsRequired: 1,
  submittedByUserId: null,
  responses: [],
};
const person = (userId: string, role: "admin" | "approver" | "viewer") => ({
  kind: "user" as const,
  orgId: "org_1",
  userId,
  role,
  email: `${userId}@x.test`,
  keyId: null,
  label: userId,
});
const approver = person("u1", "approver");
const admin = person("u9", "admin");

describe("approvalAccess", () => {
  it("an ordinary item: any approver may answer", () => {
    expect(approvalAccess(approver, base)).toEqual({ canAnswer: true, waitingFor: "Waiting for an approver", blockedBecause: null });
  });

  it("above the admin threshold: names the threshold and blocks approvers", () => {
    const a = { ...base, requiredRole: "admin" as const };
    expect(approvalAccess(approver, a, "₹50,000.00")).toEqual({
      canAnswer: false,
      waitingFor: "Waiting for an admin (above ₹50,000.00)",
      blockedBecause: "This amount is above the admin threshold: only an admin can answer (above ₹50,000.00)",
    });
    expect(approvalAccess(admin, a, "₹50,000.00").canAnswer).toBe(true);
  });

  it("dual approval: counts who is still needed, and whoever answered cannot answer again", () => {
    const a = { ...base, approvalsRequired: 2 };
    expect(approvalAccess(approver, a).waitingFor).toBe("Waiting for 2 approvers");
    const half = { ...a, responses: [{ userId: "u1", decision: "approve" as const }] };
    expect(approvalAccess(approver, half)).toMatchObject({
      canAnswer: false,
      waitingFor: "Waiting for one more approver",
      blockedBecause: "You already answered: another person is needed",
    });
    expect(approvalAccess(person("u2", "approver"), half).canAnswer).toBe(true);
  });

  it("nobody answers while the agent is suspended", () => {
    expect(approvalAccess(admin, { ...base, agentStatus: "suspended" })).toMatchObject({
      canAnswer: false,
      waitingFor: "Waiting for an admin to resume the agent",
    });
  });

  it("the submitter and viewers never; closed approvals say how they ended", () => {
    expect(approvalAccess(approver, { ...base, submittedByUserId: "u1" }).blockedBecause).toBe("You submitted this intent, so you cannot answer its approval");
    expect(approvalAccess(person("v", "viewer"), base).canAnswer).toBe(false);
    expect(approvalAccess(admin, { ...base, status: "approved" })).toMatchObject({ canAnswer: false, waitingFor: "Approved" });
  });
});
