"use server";

import { z } from "zod";
import { createAgent } from "@/lib/agents/create-agent";
import { CreateAgentSchema } from "@/lib/agents/agent-schemas";
import { defineAction } from "@/lib/actions/define-action";
import { validationError } from "@/lib/errors/app-error";
import { parseMajorAmount } from "@/lib/format/money";
import { CurrencySchema } from "@/lib/wallets/wallet-schemas";
import { getOrgCurrency } from "@/lib/organizations/get-org-currency";

const CreateAgentFormSchema = z.strictObject({
  name: CreateAgentSchema.shape.name,
  owner: z.string().trim().max(200),
  /** Blank: the organisation's currency. */
  currency: z
    .string()
    .trim()
    .max(3)
    .transform((c) => c || undefined)
    .pipe(CurrencySchema.optional()),
  /** Major units as typed ("1,00,000"); blank is zero. */
  balance: z.string().trim().max(40),
});

/** Registers an agent with its wallet and a starting balance typed in major units ("1,00,000"). */
export const createAgentAction = defineAction({
  input: CreateAgentFormSchema,
  revalidate: "/agents",
  run: async ({ db, principal }, input) => {
    const currency = input.currency ?? (await getOrgCurrency(db, principal.orgId));
    const initialBalance = input.balance ? parseMajorAmount(input.balance, currency) : 0;
    if (initialBalance === null)
      throw validationError("Enter the starting balance as an amount, like 1,00,000 or 2500.50", [{ field: "balance", issue: "not an amount" }]);
    const agent = await createAgent(db, principal, {
      orgId: principal.orgId,
      name: input.name,
      owner: input.owner || undefined,
      currency,
      initialBalance,
    });
    return { id: agent.id };
  },
});
