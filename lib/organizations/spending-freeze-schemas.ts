import { z } from "zod";

/** Body of a freeze: why (kept in the audit log, shown on the dashboard and in every denial's reason). */
export const FreezeSpendingSchema = z
  .object({ reason: z.string().trim().min(1).max(500).optional().describe('Why spending is stopped (e.g. "Card leak suspected")') })
  .strict();
export type FreezeSpendingInput = z.output<typeof FreezeSpendingSchema>;

export const SpendingFreezeSchema = z.object({
  object: z.literal("spending_freeze"),
  scope: z.enum(["organization", "agent"]),
  organization_id: z.string(),
  agent_id: z.string().nullable(),
  frozen: z.boolean(),
  frozen_at: z.string().nullable(),
  frozen_by: z.string().nullable(),
  reason: z.string().nullable(),
});
export type SpendingFreezeDto = z.infer<typeof SpendingFreezeSchema>;

export const OrganizationFreezeSchema = SpendingFreezeSchema.extend({
  frozen_agents: z.array(SpendingFreezeSchema).describe("Agents frozen on their own (whatever the organisation's state)"),
});

type Row = { frozenAt: Date | null; frozenBy: string | null; frozenReason: string | null };

export function serializeFreeze(orgId: string, agentId: string | null, row: Row): SpendingFreezeDto {
  return {
    object: "spending_freeze",
    scope: agentId ? "agent" : "organization",
    organization_id: orgId,
    agent_id: agentId,
    frozen: row.frozenAt !== null,
    frozen_at: row.frozenAt?.toISOString() ?? null,
    frozen_by: row.frozenAt ? row.frozenBy : null,
    reason: row.frozenAt ? row.frozenReason : null,
  };
}
