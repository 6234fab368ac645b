import { z } from "zod";
import { RISK_LEVELS } from "@/lib/policies/engine";

const id = (what: string) => z.string({ error: `${what} is required` }).trim().min(1, `${what} is required`);

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
export const RoleSchema = z.enum(["admin", "approver", "viewer"], { error: "role must be admin, approver or viewer" });

/** An IANA time zone name this runtime knows (e.g. Asia/Kolkata, UTC). */
export const TimeZoneSchema = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, "time_zone must be an IANA time zone such as Asia/Kolkata or UTC");

export const CreateOrganizationSchema = z.strictObject({
  name: z.string().trim().min(1, "name is required").max(200),
  timeZone: TimeZoneSchema.optional(),
});

export const CreateUserSchema = z.strictObject({
  orgId: id("orgId"),
  email: z.string().trim().toLowerCase().pipe(z.email("email must be a valid email address")),
  name: z.string().trim().min(1).max(200).optional(),
  role: RoleSchema,
  password: z.string().min(8, "password must be at least 8 characters").max(200).optional(),
});

export const CreateAgentSchema = z.strictObject({
  orgId: id("orgId"),
  name: z.string().trim().min(1, "name is required").max(200),
  owner: z.string().trim().max(200).optional(),
  description: z.string().trim().max(2000).optional(),
  currency: CurrencySchema.default("INR"),
  initialBalance: z.number().int("initialBalance must be whole minor units").min(0).refine(Number.isSafeInteger).default(0),
});

export const FundWalletSchema = z.strictObject({
  orgId: id("orgId"),
  agentId: id("agentId"),
  amount: MinorUnitsSchema,
  currency: CurrencySchema.optional(),
  memo: z.string().trim().max(500).optional(),
});

const keyName = z.string().trim().min(1).max(200).optional();
export const CreateApiKeySchema = z.discriminatedUnion("kind", [
  z.strictObject({ orgId: id("orgId"), kind: z.literal("agent"), agentId: id("agentId"), name: keyName }),
  z.strictObject({ orgId: id("orgId"), kind: z.literal("user"), userId: id("userId"), name: keyName }),
]);

export const RevokeApiKeySchema = z.strictObject({ orgId: id("orgId"), keyId: id("keyId") });
export const SetAgentStatusSchema = z.strictObject({
  orgId: id("orgId"),
  agentId: id("agentId"),
  status: z.enum(["active", "suspended"], { error: "status must be active or suspended" }),
});
export const SetRiskOverrideSchema = z.strictObject({
  orgId: id("orgId"),
  agentId: id("agentId"),
  level: z.enum(RISK_LEVELS, { error: "level must be low, medium, high, critical or null" }).nullable(),
});
export const ListApiKeysSchema = z.strictObject({ orgId: id("orgId"), agentId: id("agentId").optional() });

export type CreateUserInput = z.input<typeof CreateUserSchema>;
export type CreateAgentInput = z.input<typeof CreateAgentSchema>;
export type FundWalletInput = z.input<typeof FundWalletSchema>;
export type CreateApiKeyInput = z.input<typeof CreateApiKeySchema>;
