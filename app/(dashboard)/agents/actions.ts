"use server";

import { revalidatePath } from "next/cache";
import { createAgent } from "@/lib/agents/create-agent";
import { toActionResult } from "@/lib/actions/action-result";
import { requireSession } from "@/lib/auth/require-session";
import { validationError } from "@/lib/errors/app-error";
import { parseMajorAmount } from "@/lib/format/money";

/** Registers an agent with its wallet and a starting balance typed in major units ("1,00,000"). */
export async function createAgentAction(input: { name: string; owner: string; currency: string; balance: string }) {
  const { db, principal } = await requireSession();
  const result = await toActionResult(async () => {
    const currency = input.currency.trim().toUpperCase() || "INR";
    const initialBalance = input.balance.trim() ? parseMajorAmount(input.balance, currency) : 0;
    if (initialBalance === null)
      throw validationError("Enter the starting balance as an amount, like 1,00,000 or 2500.50", [{ field: "balance", issue: "not an amount" }]);
    const agent = await createAgent(db, principal, {
      orgId: principal.orgId,
      name: input.name,
      owner: input.owner.trim() || undefined,
      currency,
      initialBalance,
    });
    return { id: agent.id };
  });
  if (result.ok) revalidatePath("/agents");
  return result;
}
