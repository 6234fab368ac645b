"use server";

import { z } from "zod";
import { ActionIdSchema, defineAction } from "@/lib/actions/define-action";
import { RespondToApprovalSchema } from "@/lib/approvals/approval-schemas";
import { respondToApproval } from "@/lib/approvals/respond-to-approval";

/** Approve/reject from the inbox and the intent page: the same schema and domain function as POST /api/v1/approvals/{id}. */
export const respondToApprovalAction = defineAction({
  args: ["approvalId", "decision", "comment"],
  input: z.strictObject({
    approvalId: ActionIdSchema,
    decision: RespondToApprovalSchema.shape.decision,
    comment: RespondToApprovalSchema.shape.comment.transform((c) => c || null),
  }),
  revalidate: (_input, approval: { intent_id: string }) => `/intents/${approval.intent_id}`,
  run: async ({ db, principal }, { approvalId, decision, comment }) => {
    const approval = await respondToApproval(db, principal, approvalId, { decision, comment });
    return { status: approval.status, intent_id: approval.intent_id };
  },
});
