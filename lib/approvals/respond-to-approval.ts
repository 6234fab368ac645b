import type { Principal } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import type { RespondToApprovalInput } from "./approval-schemas";
import { answerApproval } from "./answer-approval";
import { approvalInclude, serializeApprovals } from "./serialize-approval";

/** POST /api/v1/approvals/{id} and the inbox: answers (see answerApproval) and returns the approval as the API shows it. */
export async function respondToApproval(db: Db, principal: Principal, id: string, input: RespondToApprovalInput) {
  const approvalId = await answerApproval(db, principal, id, input);
  const row = await db.approval.findUniqueOrThrow({ where: { id: approvalId }, include: approvalInclude });
  return (await serializeApprovals(db, [row]))[0];
}
