import { z } from "zod";
import { idSchema as id } from "@/lib/db/id-schema";
import { isCurrencyCode } from "@/lib/format/currencies";

export const MinorUnitsSchema = z
  .number({ error: "amount must be a number of minor units (e.g. paise)" })
  .int("amount must be a whole number of minor units, not a decimal")
  .positive("amount must be positive")
  .refine(Number.isSafeInteger, "amount is too large");
export const CurrencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, "currency must be a three-letter ISO 4217 code such as INR")
  .refine(isCurrencyCode, "currency must be an ISO 4217 code such as INR, USD or EUR");

export const FundWalletSchema = z.strictObject({
  orgId: id("orgId"),
  agentId: id("agentId"),
  amount: MinorUnitsSchema,
  currency: CurrencySchema.optional(),
  memo: z.string().trim().max(500).optional(),
});

export type FundWalletInput = z.input<typeof FundWalletSchema>;

/** Low-balance threshold in minor units; null turns the alert off. */
export const LowBalanceThresholdSchema = z
  .number({ error: "low_balance_threshold must be a number of minor units (e.g. paise) or null" })
  .int("low_balance_threshold must be a whole number of minor units, not a decimal")
  .positive("low_balance_threshold must be positive (null turns the alert off)")
  .refine(Number.isSafeInteger, "low_balance_threshold is too large")
  .nullable();

/** `PATCH /agents/{id}/wallet`: the wallet in `currency` (default: the agent's primary wallet). */
export const UpdateWalletSchema = z.strictObject({
  low_balance_threshold: LowBalanceThresholdSchema.describe(
    "Send wallet.low_balance (and notify admins) when a debit or hold takes the available balance from at or above this to below it; null turns it off",
  ),
  currency: CurrencySchema.optional().describe("Which of the agent's wallets (default: its primary wallet)"),
});

export const SetLowBalanceThresholdSchema = z.strictObject({
  orgId: id("orgId"),
  agentId: id("agentId"),
  currency: CurrencySchema.optional(),
  threshold: LowBalanceThresholdSchema,
});
export type SetLowBalanceThresholdInput = z.input<typeof SetLowBalanceThresholdSchema>;
