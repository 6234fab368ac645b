"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { toActionResult } from "@/lib/actions/action-result";
import { requireSession } from "@/lib/auth/require-session";
import { freezeSpending } from "@/lib/organizations/freeze-spending";
import { unfreezeSpending } from "@/lib/organizations/unfreeze-spending";

const FreezeFormSchema = z.strictObject({
  agentId: z.uuid().nullable(),
  frozen: z.boolean(),
  reason: z
    .string()
    .trim()
    .max(500)
    .transform((r) => r || null),
});

/** The kill switch from the dashboard: the organisation (agentId null) or one agent; admins only (lib/permissions). */
export async function setSpendingFrozenAction(agentId: string | null, frozen: boolean, reason = "") {
  const { db, principal } = await requireSession();
  const result = await toActionResult(async () => {
    const input = FreezeFormSchema.parse({ agentId, frozen, reason });
    const target = { orgId: principal.orgId, ...(input.agentId ? { agentId: input.agentId } : {}) };
    return (input.frozen ? await freezeSpending(db, principal, target, input.reason) : await unfreezeSpending(db, principal, target)).frozen;
  });
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
