import type { UserPrincipal } from "@/lib/auth/principal";
import { whyNot } from "@/lib/permissions/can";
import type { ApprovalRouting } from "@/lib/approver-groups/answer-rights";

/** What an approval's own row says about who may still answer it. */
export type ApprovalFacts = {
  status: "pending" | "approved" | "rejected" | "expired";
  requiredRole: "approver" | "admin" | "viewer";
  approvalsRequired: number;
  submittedByUserId: string | null;
  responses: { userId: string; decision: "approve" | "reject" }[];
  /** Approver-group routing (with the viewer's groups), when the approval is routed. */
  routing?: ApprovalRouting;
  /** The agent's status: while it is suspended no answer is taken (assertMoneyRulesAllow). */
  agentStatus?: string;
};
export type Viewer = UserPrincipal;
export type ApprovalAccess = {
  canAnswer: boolean;
  /** "Waiting for an admin (above ₹50,000)", "Waiting for 1 more approver", "Approved", … */
  waitingFor: string;
  /** Why this person cannot answer, when they cannot (null when they can). */
  blockedBecause: string | null;
};

/**
 * Who can act on an approval, in words, from the approval's thresholds and responses. Whether
 * this person may answer is the permission module's "approval.answer" rule (the one
 * respondToApproval enforces); this adds who is still needed. `adminThreshold` is the
 * formatted amount, if known.
 */
export function approvalAccess(viewer: Viewer, a: ApprovalFacts & { orgId: string }, adminThreshold: string | null = null): ApprovalAccess {
  if (a.status !== "pending") {
    return {
      canAnswer: false,
      waitingFor: a.status === "expired" ? "Expired without an answer" : a.status === "approved" ? "Approved" : "Rejected",
      blockedBecause: "It is already closed",
    };
  }
  const approved = a.responses.filter((r) => r.decision === "approve").length;
  const left = Math.max(1, a.approvalsRequired - approved);
  const who =
    a.requiredRole === "admin"
      ? left > 1
        ? `${left} admins`
        : approved > 0
          ? "one more admin"
          : "an admin"
      : left > 1
        ? `${left} approvers`
        : approved > 0
          ? "one more approver"
          : "an approver";
  const above = a.requiredRole === "admin" && adminThreshold ? ` (above ${adminThreshold})` : "";
  const group = a.routing?.groupName ? ` from ${a.routing.groupName}` : "";
  const waitingFor = `Waiting for ${who}${group}${above}`;

  const refusal = whyNot(viewer, "approval.answer", {
    orgId: a.orgId,
    requiredRole: a.requiredRole,
    answeredBy: a.responses.map((r) => r.userId),
    submittedByUserId: a.submittedByUserId,
    status: a.status,
    routing: a.routing,
  });
  const blockedBecause =
    refusal &&
    (refusal.code === "approval_already_answered"
      ? "You already answered: another person is needed"
      : `${refusal.message.replace(/\.$/, "")}${above && refusal.message.includes("admin threshold") ? above : ""}`);
  if (!refusal && a.agentStatus === "suspended") {
    return {
      canAnswer: false,
      waitingFor: "Waiting for an admin to resume the agent",
      blockedBecause: "The agent is suspended: its approvals cannot be answered until an admin resumes it",
    };
  }
  return { canAnswer: blockedBecause === null, waitingFor, blockedBecause };
}
