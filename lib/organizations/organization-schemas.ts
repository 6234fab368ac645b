import { z } from "zod";
import { isCurrencyCode } from "@/lib/format/currencies";

/** An IANA time zone name this runtime knows (e.g. Asia/Kolkata, UTC). */
export const TimeZoneSchema = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, "time_zone must be an IANA time zone such as Asia/Kolkata or UTC");

/**
 * The organisation's currency: an ISO 4217 code the runtime knows (so its minor-unit digits
 * are known too). Required: nothing falls back to a currency, so the organisation names one.
 */
export const OrgCurrencySchema = z
  .string({ error: "currency is required: a three-letter ISO 4217 code such as INR or USD" })
  .trim()
  .toUpperCase()
  .refine(isCurrencyCode, "currency must be an ISO 4217 code such as INR, USD or JPY");

export const CreateOrganizationSchema = z.strictObject({
  name: z.string().trim().min(1, "name is required").max(200),
  timeZone: TimeZoneSchema.optional(),
  currency: OrgCurrencySchema,
});

export type CreateOrganizationInput = z.input<typeof CreateOrganizationSchema>;

export const SetTimeZoneSchema = z.strictObject({ orgId: z.string().trim().min(1, "orgId is required"), timeZone: TimeZoneSchema });

/** Sign-in security: a second factor for admins and approvers, and the step-up threshold for approving. */
export const SignInRulesSchema = z.strictObject({
  require_second_factor: z.boolean(),
  /** Minor units of the organisation's currency; null: the policy's admin threshold. */
  step_up_threshold: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable(),
});
export type SignInRules = z.infer<typeof SignInRulesSchema>;
