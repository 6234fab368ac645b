"use server";

import { revalidatePath } from "next/cache";
import { RespondToApprovalSchema } from "@/lib/approvals/approval-schemas";
import { respondToApproval } from "@/lib/approvals/respond-to-approval";
import { toActionResult, type ActionResult } from "@/lib/actions/action-result";
import { requireSession } from "@/lib/auth/require-session";

/** The inbox's approve/reject: the same domain function as POST /api/v1/approvals/{id}. */
export async function respondToApprovalAction(approvalId: string, decision: "approve" | "reject", comment: string): Promise<ActionResult<{ status: string }>> {
  const { db, principal } = await requireSession();
  return toActionResult(async () => {
    const input = RespondToApprovalSchema.parse({ decision, comment: comment.trim() || null });
    const approval = await respondToApproval(db, principal, approvalId, input);
    revalidatePath(`/intents/${approval.intent_id}`);
    return { status: approval.status };
  });
}
