"use server";

import { z } from "zod";
import { AgentIdSchema, SetAgentAccountingSchema, SetAgentStatusSchema, SetRiskOverrideSchema } from "@/lib/agents/agent-schemas";
import { setAgentStatus } from "@/lib/agents/set-agent-status";
import { setRiskOverride } from "@/lib/agents/set-risk-override";
import { setAgentAccounting } from "@/lib/agents/set-agent-accounting";
import { ActionIdSchema, defineAction } from "@/lib/actions/define-action";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { validationError } from "@/lib/errors/app-error";
import { parseMajorAmount } from "@/lib/format/money";
import { fundWallet } from "@/lib/wallets/fund-wallet";
import { setLowBalanceThreshold } from "@/lib/wallets/set-low-balance-threshold";
import { CurrencySchema, FundWalletSchema } from "@/lib/wallets/wallet-schemas";

/** Admin actions on one agent; the domain verbs check the role (lib/permissions) and write the audit events. */
const agentPage = ({ agentId }: { agentId: string }) => `/agents/${agentId}`;
const keyName = z
  .string()
  .trim()
  .max(200)
  .transform((n) => n || undefined);

export const setAgentStatusAction = defineAction({
  args: ["agentId", "status", "rejectPending"],
  input: z.strictObject({ agentId: AgentIdSchema, status: SetAgentStatusSchema.shape.status, rejectPending: z.boolean().default(false) }),
  revalidate: agentPage,
  run: async ({ db, principal }, input) => (await setAgentStatus(db, principal, { orgId: principal.orgId, ...input })).status,
});

export const setRiskOverrideAction = defineAction({
  args: ["agentId", "level", "reason"],
  input: z.strictObject({
    agentId: AgentIdSchema,
    level: SetRiskOverrideSchema.shape.level,
    reason: z.string().trim().min(3, "Say why you set the risk level").max(500),
  }),
  revalidate: agentPage,
  run: async ({ db, principal }, input) => (await setRiskOverride(db, principal, { orgId: principal.orgId, ...input })).risk_level,
});

export const fundWalletAction = defineAction({
  args: ["agentId", "currency", "amountText", "memo"],
  input: z.strictObject({
    agentId: AgentIdSchema,
    currency: CurrencySchema,
    /** Major units as typed ("25,000" or "1250.50"). */
    amountText: z.string().trim().max(40),
    memo: FundWalletSchema.shape.memo.unwrap().transform((m) => m || undefined),
  }),
  revalidate: agentPage,
  run: async ({ db, principal }, { agentId, currency, amountText, memo }) => {
    const amount = parseMajorAmount(amountText, currency);
    if (!amount) throw validationError("Enter an amount greater than zero, like 25,000 or 1250.50", [{ field: "amount", issue: "not a positive amount" }]);
    return fundWallet(db, principal, { orgId: principal.orgId, agentId, amount, currency, memo });
  },
});

/** An empty amount turns the alert off. */
export const setLowBalanceThresholdAction = defineAction({
  args: ["agentId", "currency", "amountText"],
  input: z.strictObject({ agentId: AgentIdSchema, currency: CurrencySchema, amountText: z.string().trim().max(40) }),
  revalidate: agentPage,
  run: async ({ db, principal }, { agentId, currency, amountText }) => {
    const threshold = amountText === "" ? null : parseMajorAmount(amountText, currency);
    if (amountText !== "" && !threshold)
      throw validationError("Enter an amount greater than zero, or leave it empty to turn the alert off", [
        { field: "amount", issue: "not a positive amount" },
      ]);
    return setLowBalanceThreshold(db, principal, { orgId: principal.orgId, agentId, currency, threshold });
  },
});

export const createAgentKeyAction = defineAction({
  args: ["agentId", "name"],
  input: z.strictObject({ agentId: AgentIdSchema, name: keyName }),
  revalidate: agentPage,
  run: async ({ db, principal }, { agentId, name }) => {
    const key = await createApiKey(db, principal, { orgId: principal.orgId, kind: "agent", agentId, name });
    return { key: key.key, prefix: key.prefix, name: key.name };
  },
});

export const revokeApiKeyAction = defineAction({
  args: ["agentId", "keyId"],
  input: z.strictObject({ agentId: AgentIdSchema, keyId: ActionIdSchema }),
  revalidate: agentPage,
  run: async ({ db, principal }, { keyId }) => {
    await revokeApiKey(db, principal, { orgId: principal.orgId, keyId });
    return keyId;
  },
});

/** GL code and cost centre of the agent's spend (the intents CSV); empty clears one. */
export const setAgentAccountingAction = defineAction({
  args: ["agentId", "gl_code", "cost_center"],
  input: z.strictObject({ agentId: AgentIdSchema, gl_code: SetAgentAccountingSchema.shape.gl_code, cost_center: SetAgentAccountingSchema.shape.cost_center }),
  revalidate: agentPage,
  run: async ({ db, principal }, { agentId, gl_code, cost_center }) =>
    setAgentAccounting(db, principal, { orgId: principal.orgId, agentId, gl_code, cost_center }),
});
