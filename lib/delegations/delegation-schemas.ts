import { z } from "zod";

const userRef = (field: string) =>
  z
    .string()
    .trim()
    .min(1, `${field} is required`)
    .max(320)
    .regex(/^[^\u0000-\u001f]+$/, `${field} must not contain control characters`);

const isoDate = (field: string) =>
  z.iso.datetime({ offset: true, message: `${field} must be an ISO 8601 date-time such as 2026-12-01T09:00:00+05:30` }).transform((s) => new Date(s));

const bothDates = (p: { value: unknown }) => {
  const v = p.value as { starts_at?: unknown; ends_at?: unknown } | null;
  return v?.starts_at instanceof Date && v.ends_at instanceof Date;
};

export const CreateDelegationSchema = z
  .strictObject({
    /** The person who is away; defaults to the caller. Only admins name someone else. */
    from_user: userRef("from_user").optional(),
    /** Who answers in their place: a user id or email of the organisation. */
    to_user: userRef("to_user"),
    starts_at: isoDate("starts_at"),
    ends_at: isoDate("ends_at"),
  })
  // zod 4 runs an object's refinements even when a field failed (its date is then still text):
  // compare the dates only once both fields parsed, or a bad date is a TypeError and a 500.
  .refine((d) => d.ends_at > d.starts_at, { path: ["ends_at"], message: "ends_at must be after starts_at", when: bothDates })
  .refine((d) => d.ends_at.getTime() - d.starts_at.getTime() <= 366 * 24 * 3600_000, {
    path: ["ends_at"],
    message: "a delegation lasts at most a year",
    when: bothDates,
  });
export type CreateDelegationInput = z.output<typeof CreateDelegationSchema>;

const Person = z.object({ id: z.string(), email: z.string(), name: z.string() });
export const DelegationSchema = z.object({
  id: z.string(),
  object: z.literal("delegation"),
  from_user: Person,
  to_user: Person,
  starts_at: z.string(),
  ends_at: z.string(),
  active: z.boolean(),
  created_by: z.string(),
  created_at: z.string(),
});
export type DelegationDto = z.infer<typeof DelegationSchema>;
export const DelegationListSchema = z.object({
  object: z.literal("list"),
  data: z.array(DelegationSchema),
  has_more: z.boolean(),
  next_cursor: z.string().nullable(),
});
