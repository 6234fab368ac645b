import { z } from "zod";
import { idSchema as id } from "@/lib/db/id-schema";

export const RoleSchema = z.enum(["admin", "approver", "viewer"], { error: "role must be admin, approver or viewer" });

export const CreateUserSchema = z.strictObject({
  orgId: id("orgId"),
  email: z.string().trim().toLowerCase().pipe(z.email("email must be a valid email address")),
  name: z.string().trim().min(1).max(200).optional(),
  role: RoleSchema,
  password: z.string().min(8, "password must be at least 8 characters").max(200).optional(),
});

export type CreateUserInput = z.input<typeof CreateUserSchema>;
