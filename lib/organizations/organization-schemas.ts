import { z } from "zod";

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

export type CreateOrganizationInput = z.input<typeof CreateOrganizationSchema>;

export const SetTimeZoneSchema = z.strictObject({ orgId: z.string().trim().min(1, "orgId is required"), timeZone: TimeZoneSchema });
