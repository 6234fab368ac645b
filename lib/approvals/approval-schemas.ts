import { z } from "zod";
import { IntentSchema } from "@/lib/intents/intent-schemas";
import { WalletSchema } from "@/lib/agents/agent-schemas";

const DECISION_SYNONYMS: Record<string, "approve" | "reject"> = {
  approve: "approve",
  approved: "approve",
  reject: "reject",
  rejected: "reject",
  deny: "reject",
  denied: "reject",
};

export const RespondToApprovalSchema = z
  .object({
    decision: z
      .string({ message: "decision is required: approve or reject" })
      .transform((d) => d.trim().toLowerCase())
      .refine((d) => d in DECISION_SYNONYMS, "decision must be approve or reject")
      .transform((d) => DECISION_SYNONYMS[d]),
    comment: z.string().trim().max(2000).nullish(),
  })
  .strict();
export type RespondToApprovalInput = z.output<typeof RespondToApprovalSchema>;

/** A question to the agent's owner about a waiting approval (the dashboard's "Ask for more information"). */
export const AskForInformationSchema = z.strictObject({ question: z.string().trim().min(3, "Write a question of at least 3 characters").max(1000) });
export type AskForInformationInput = z.output<typeof AskForInformationSchema>;

export const ListApprovalsQuerySchema = z
  .object({
    sort: z.enum(["oldest", "amount"]).default("oldest"),
    limit: z.coerce.number().int().min(1).max(100).default(100),
    cursor: z.string().min(1).optional(),
  })
  .strict();
export type ListApprovalsQuery = z.output<typeof ListApprovalsQuerySchema>;

export const ApprovalResponseSchema = z.object({
  user_email: z.string(),
  user_name: z.string(),
  decision: z.enum(["approve", "reject"]),
  comment: z.string().nullable(),
  created_at: z.string(),
});

export const ApprovalSchema = z.object({
  id: z.string(),
  object: z.literal("approval"),
  intent_id: z.string(),
  status: z.enum(["pending", "approved", "rejected", "expired"]),
  required_role: z.enum(["approver", "admin"]),
  approvals_required: z.number().int(),
  /** The approver group it was routed to (null: anyone with the required role). */
  group: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** When it waited past its group's escalation time and opened to the escalation tier. */
  escalated_at: z.string().nullable(),
  responses: z.array(ApprovalResponseSchema),
  expires_at: z.string(),
  created_at: z.string(),
  resolved_at: z.string().nullable(),
  intent: IntentSchema,
  agent: z.object({ id: z.string(), name: z.string(), status: z.enum(["active", "suspended"]), risk_level: z.string(), wallet: WalletSchema.nullable() }),
  blocked: z
    .object({ rule: z.string(), code: z.string(), reason: z.string() })
    .nullable()
    .describe(
      "A rule that would refuse an approve right now (frozen, agent suspended, outside the time window, currency, over the hard limit, a blocked or no longer allowed merchant or category, confidence); budgets and balance are checked when answering",
    ),
});
export type ApprovalDto = z.infer<typeof ApprovalSchema>;

export const ApprovalListSchema = z.object({
  object: z.literal("list"),
  data: z.array(ApprovalSchema),
  has_more: z.boolean(),
  next_cursor: z.string().nullable(),
});
