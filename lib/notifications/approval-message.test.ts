import { describe, expect, it } from "vitest";
import { approvalMessage } from "./approval-message";

const facts = {
  intentId: "int_abc",
  amount: 12_500_000,
  currency: "INR",
  agentName: "Billing bot",
  reason: "Annual AWS reservation",
  merchant: "AWS",
  rule: "auto_approve_limit",
  ruleReason: "Above the auto-approve limit of ₹10,000.00",
  expiresAt: new Date("2026-12-01T10:30:00Z"),
  approvalsRequired: 2,
};

describe("approvalMessage", () => {
  it("carries amount, agent, reason, rule, expiry and the intent's link", () => {
    const m = approvalMessage(facts, "approval_requested");
    expect(m.title).toBe("Approval needed: ₹1,25,000.00 to AWS by Billing bot");
    expect(m.body).toContain("Reason: Annual AWS reservation");
    expect(m.body).toContain("Deciding rule: auto_approve_limit — Above the auto-approve limit");
    expect(m.body).toContain("Needs 2 different approvers");
    expect(m.body).toContain("Expires: 2026-12-01 10:30 UTC");
    expect(m.path).toBe("/intents/int_abc");
  });

  it("words a reminder differently", () => {
    expect(approvalMessage({ ...facts, merchant: null, approvalsRequired: 1 }, "approval_reminder").title).toBe(
      "Reminder: ₹1,25,000.00 by Billing bot expires soon",
    );
  });
});
