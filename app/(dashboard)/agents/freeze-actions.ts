"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { AgentIdSchema } from "@/lib/agents/agent-schemas";
import { FreezeSpendingSchema } from "@/lib/organizations/spending-freeze-schemas";
import { freezeSpending } from "@/lib/organizations/freeze-spending";
import { unfreezeSpending } from "@/lib/organizations/unfreeze-spending";

/** The kill switch from the dashboard: the organisation (agentId null) or one agent; admins only (lib/permissions). */
export const setSpendingFrozenAction = defineAction({
  args: ["agentId", "frozen", "reason"],
  input: z.strictObject({
    agentId: AgentIdSchema.nullable(),
    frozen: z.boolean(),
    /** Blank is no reason. */
    reason: z
      .string()
      .trim()
      .max(500)
      .default("")
      .transform((r) => r || undefined)
      .pipe(FreezeSpendingSchema.shape.reason),
  }),
  revalidate: { path: "/", type: "layout" },
  run: async ({ db, principal }, input) => {
    const target = { orgId: principal.orgId, ...(input.agentId ? { agentId: input.agentId } : {}) };
    return (input.frozen ? await freezeSpending(db, principal, target, input.reason ?? null) : await unfreezeSpending(db, principal, target)).frozen;
  },
});
