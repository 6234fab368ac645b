import { z } from "zod";
import { idSchema as id } from "@/lib/db/id-schema";

export const MinorUnitsSchema = z
  .number({ error: "amount must be a number of minor units (e.g. paise)" })
  .int("amount must be a whole number of minor units, not a decimal")
  .positive("amount must be positive")
  .refine(Number.isSafeInteger, "amount is too large");
export const CurrencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, "currency must be a three-letter ISO 4217 code such as INR");

export const FundWalletSchema = z.strictObject({
  orgId: id("orgId"),
  agentId: id("agentId"),
  amount: MinorUnitsSchema,
  currency: CurrencySchema.optional(),
  memo: z.string().trim().max(500).optional(),
});

export type FundWalletInput = z.input<typeof FundWalletSchema>;
