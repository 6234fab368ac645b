import { formatMoney } from "@/lib/format/money";

export type ApprovalFacts = {
  intentId: string;
  amount: number;
  currency: string;
  agentName: string;
  reason: string;
  merchant: string | null;
  rule: string;
  ruleReason: string;
  expiresAt: Date;
  approvalsRequired: number;
};

/** The words of an approval notice (bell and email alike): what, who, why, which rule, until when. */
export function approvalMessage(f: ApprovalFacts, kind: "approval_requested" | "approval_reminder") {
  const amount = formatMoney(f.amount, f.currency);
  const to = f.merchant ? ` to ${f.merchant}` : "";
  const title = kind === "approval_requested" ? `Approval needed: ${amount}${to} by ${f.agentName}` : `Reminder: ${amount}${to} by ${f.agentName} expires soon`;
  const body = [
    `Amount: ${amount}`,
    `Agent: ${f.agentName}`,
    `Reason: ${f.reason}`,
    `Deciding rule: ${f.rule} — ${f.ruleReason}`,
    ...(f.approvalsRequired > 1 ? [`Needs ${f.approvalsRequired} different approvers`] : []),
    `Expires: ${f.expiresAt.toISOString().replace("T", " ").slice(0, 16)} UTC`,
  ].join("\n");
  return { title, body, path: `/intents/${f.intentId}` };
}
