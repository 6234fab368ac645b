import { z } from "zod";

const MAX_MINOR = Number.MAX_SAFE_INTEGER;
const minorUnits = (field: string) =>
  z
    .number({ message: `${field} must be an integer in minor units` })
    .int(`${field} must be an integer in minor units`)
    .min(0)
    .max(MAX_MINOR);

/** A user id or an email of the organisation (resolved on the server). */
const memberRef = z
  .string()
  .trim()
  .min(1)
  .max(320)
  .regex(/^[^\u0000-\u001f]+$/, "must not contain control characters");

const groupFields = {
  name: z.string().trim().min(1, "name is required").max(100),
  priority: z.number().int().min(0).max(10_000),
  members: z.array(memberRef).max(200),
  agent_ids: z.array(z.uuid("agent_ids must hold agent ids")).max(500),
  merchant_categories: z
    .array(
      z
        .string()
        .trim()
        .min(1)
        .max(100)
        .transform((c) => c.toLowerCase()),
    )
    .max(100),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, "currency must be an ISO 4217 code such as INR")
    .nullable(),
  min_amount: minorUnits("min_amount").nullable(),
  max_amount: minorUnits("max_amount").nullable(),
  quorum: z.number().int().min(1, "quorum must be at least 1").max(10),
  escalate_after_minutes: z
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 30)
    .nullable(),
  escalate_to_group_id: z
    .string()
    .regex(/^grp_[0-9a-z]{24}$/, "escalate_to_group_id must be a grp_… id")
    .nullable(),
};

/** Amount bounds are minor units of one currency, so they need the currency beside them. */
function checkAmounts(g: { currency?: string | null; min_amount?: number | null; max_amount?: number | null }, ctx: z.RefinementCtx) {
  const hasBound = (g.min_amount ?? null) !== null || (g.max_amount ?? null) !== null;
  if (hasBound && !g.currency) ctx.addIssue({ code: "custom", path: ["currency"], message: "currency is required with min_amount or max_amount" });
  if (g.min_amount != null && g.max_amount != null && g.min_amount > g.max_amount) {
    ctx.addIssue({ code: "custom", path: ["max_amount"], message: "max_amount must be at least min_amount" });
  }
}

export const CreateApproverGroupSchema = z
  .strictObject({
    ...groupFields,
    priority: groupFields.priority.default(100),
    members: groupFields.members.default([]),
    agent_ids: groupFields.agent_ids.default([]),
    merchant_categories: groupFields.merchant_categories.default([]),
    currency: groupFields.currency.default(null),
    min_amount: groupFields.min_amount.default(null),
    max_amount: groupFields.max_amount.default(null),
    quorum: groupFields.quorum.default(1),
    escalate_after_minutes: groupFields.escalate_after_minutes.default(null),
    escalate_to_group_id: groupFields.escalate_to_group_id.default(null),
  })
  .superRefine(checkAmounts);
export type CreateApproverGroupInput = z.output<typeof CreateApproverGroupSchema>;

/** The match of a group alone (the routing page's preview of what it would catch). */
export const GroupMatchSchema = z
  .strictObject({
    agent_ids: groupFields.agent_ids.default([]),
    merchant_categories: groupFields.merchant_categories.default([]),
    currency: groupFields.currency.default(null),
    min_amount: groupFields.min_amount.default(null),
    max_amount: groupFields.max_amount.default(null),
  })
  .superRefine(checkAmounts);

export const UpdateApproverGroupSchema = z.strictObject(groupFields).partial().superRefine(checkAmounts);
export type UpdateApproverGroupInput = z.output<typeof UpdateApproverGroupSchema>;

export const ApproverGroupSchema = z.object({
  id: z.string(),
  object: z.literal("approver_group"),
  name: z.string(),
  priority: z.number().int(),
  members: z.array(z.object({ id: z.string(), email: z.string(), name: z.string(), role: z.enum(["admin", "approver", "viewer"]) })),
  agent_ids: z.array(z.string()),
  merchant_categories: z.array(z.string()),
  currency: z.string().nullable(),
  min_amount: z.number().int().nullable(),
  max_amount: z.number().int().nullable(),
  quorum: z.number().int(),
  escalate_after_minutes: z.number().int().nullable(),
  escalate_to_group_id: z.string().nullable(),
  created_at: z.string(),
});
export type ApproverGroupDto = z.infer<typeof ApproverGroupSchema>;

export const ApproverGroupListSchema = z.object({
  object: z.literal("list"),
  data: z.array(ApproverGroupSchema),
  has_more: z.boolean(),
  next_cursor: z.string().nullable(),
});
