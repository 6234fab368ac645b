import { z } from "zod";
import { idSchema as id } from "@/lib/db/id-schema";

export const PasswordSchema = z.string().min(8, "password must be at least 8 characters").max(200, "password must be at most 200 characters");

export const RoleSchema = z.enum(["admin", "approver", "viewer"], { error: "role must be admin, approver or viewer" });

export const CreateUserSchema = z.strictObject({
  orgId: id("orgId"),
  email: z.string().trim().toLowerCase().pipe(z.email("email must be a valid email address")),
  name: z.string().trim().min(1).max(200).optional(),
  role: RoleSchema,
  password: PasswordSchema.optional(),
  /** A password someone else chose is changed at the first sign-in; only the demo seed and `--no-forced-change` say otherwise. */
  mustChangePassword: z.boolean().optional(),
});

/** The invitation form and POST of the dashboard: who, with which role. No password: they choose it through the link. */
export const InviteUserSchema = z.strictObject({
  email: z.string().trim().toLowerCase().pipe(z.email("email must be a valid email address")),
  name: z.string().trim().max(200).optional(),
  role: RoleSchema,
});
export type InviteUserInput = z.input<typeof InviteUserSchema>;

export type CreateUserInput = z.input<typeof CreateUserSchema>;
