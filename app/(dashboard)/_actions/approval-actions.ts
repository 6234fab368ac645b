"use server";

import { z } from "zod";
import { ActionIdSchema, defineAction } from "@/lib/actions/define-action";
import { AskForInformationSchema, RespondToApprovalSchema } from "@/lib/approvals/approval-schemas";
import { askForInformation } from "@/lib/approvals/ask-for-information";
import { respondToApproval } from "@/lib/approvals/respond-to-approval";

/**
 * Approve/reject from the inbox and the intent page: the same schema and domain function as
 * POST /api/v1/approvals/{id}. A person's rejection in the dashboard needs a reason (the API
 * keeps it optional, as the SDKs' `respond(id, decision)` sends none).
 */
export const respondToApprovalAction = defineAction({
  args: ["approvalId", "decision", "comment"],
  input: z
    .strictObject({
      approvalId: ActionIdSchema,
      decision: RespondToApprovalSchema.shape.decision,
      comment: RespondToApprovalSchema.shape.comment.transform((c) => c?.trim() || null),
    })
    .refine((i) => i.decision !== "reject" || i.comment !== null, { path: ["comment"], message: "Say why you reject it" }),
  revalidate: (_input, approval: { intent_id: string }) => `/intents/${approval.intent_id}`,
  run: async ({ db, principal }, { approvalId, decision, comment }) => {
    const approval = await respondToApproval(db, principal, approvalId, { decision, comment });
    return { status: approval.status, intent_id: approval.intent_id };
  },
});

/** "Ask for more information": the question goes to the agent's owner; the approval stays open. */
export const askForInformationAction = defineAction({
  args: ["approvalId", "question"],
  input: z.strictObject({ approvalId: ActionIdSchema, question: AskForInformationSchema.shape.question }),
  run: async ({ db, principal }, { approvalId, question }) => askForInformation(db, principal, approvalId, { question }),
});
