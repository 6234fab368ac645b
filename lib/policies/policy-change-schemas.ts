import { z } from "zod";
import { ChangeReason, PolicyDocumentJson } from "./policy-schemas";

/** Four eyes on policy (issue 20): the proposal inputs and the proposal as the API shows it. */
const base = { base_version: z.int().min(0).describe("The live version the change is proposed against (GET /policy answers it)"), reason: ChangeReason };

const KIND_NEEDS = { edit: ["document"], restore: ["version"], promote_shadow: [], agent_override: ["agent_id", "override"] } as const;

/**
 * One object for every kind (the SDK generators want an object body): `document` for an
 * edit, `version` for a restore, `agent_id` + `override` for one agent's own rules, nothing
 * more for the shadow draft's promotion.
 */
export const ProposePolicyChangeSchema = z
  .strictObject({
    kind: z.enum(["edit", "restore", "promote_shadow", "agent_override"]).describe("What changes"),
    ...base,
    document: PolicyDocumentJson.optional().describe("edit: the whole new document"),
    version: z.int().min(1).optional().describe("restore: the earlier version to bring back"),
    agent_id: z.uuid({ error: "agent_id must be an agent's id" }).optional().describe("agent_override: the agent"),
    override: z
      .record(z.string(), z.unknown())
      .nullable()
      .optional()
      .describe("agent_override: the agent's own rules (fields of the policy's rules; amounts in minor units); null removes them"),
  })
  .superRefine((v, ctx) => {
    for (const field of KIND_NEEDS[v.kind])
      if (v[field] === undefined) ctx.addIssue({ code: "custom", path: [field], message: `${field} is required for ${v.kind}` });
  });
export type ProposePolicyChange = z.output<typeof ProposePolicyChangeSchema>;

export const RejectPolicyChangeSchema = z.strictObject({ reason: ChangeReason.describe("Why the change is rejected (required)") });

export const PolicyChangeStatusSchema = z.enum(["pending", "approved", "rejected", "withdrawn", "superseded"]);
export const ListPolicyChangesQuerySchema = z.strictObject({ status: PolicyChangeStatusSchema.optional() });

export const PolicyChangeProposalSchema = z.object({
  object: z.literal("policy_change"),
  id: z.string(),
  kind: z.enum(["edit", "restore", "promote_shadow", "agent_override"]),
  status: PolicyChangeStatusSchema,
  base_version: z.int(),
  reason: z.string(),
  proposed_by: z.string(),
  proposed_by_user_id: z.string().nullable(),
  created_at: z.string(),
  agent_id: z.string().nullable(),
  restored_version: z.int().nullable(),
  shadow_id: z.string().nullable(),
  document: PolicyDocumentJson,
  changes: z.array(z.string()).describe('What the change does against its base version, in plain words ("Auto-approve up to ₹10,000.00 → ₹15,000.00")'),
  approval: z
    .enum(["second_admin", "single_admin", "operator"])
    .nullable()
    .describe("How it went live: a second admin approved it, the organisation had one admin, or the CLI operator applied it; null until approved"),
  decided_by: z.string().nullable(),
  decided_at: z.string().nullable(),
  decision_reason: z.string().nullable(),
  applied_version: z.int().nullable(),
});
export type PolicyChangeProposalView = z.output<typeof PolicyChangeProposalSchema>;

export const PolicyChangeProposalListSchema = z.object({ object: z.literal("list"), data: z.array(PolicyChangeProposalSchema) });
