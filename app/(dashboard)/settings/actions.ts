"use server";

import { z } from "zod";
import { ActionIdSchema, defineAction } from "@/lib/actions/define-action";
import type { SessionContext } from "@/lib/auth/require-session";
import { AppError } from "@/lib/errors/app-error";
import { TimeZoneSchema } from "@/lib/organizations/organization-schemas";
import { setOrganizationTimeZone } from "@/lib/organizations/set-organization-time-zone";
import { createUser } from "@/lib/users/create-user";
import { getUserEmail } from "@/lib/users/get-user-email";
import { deactivateUser } from "@/lib/users/deactivate-user";
import { setUserPassword } from "@/lib/users/set-user-password";
import { setUserRole } from "@/lib/users/set-user-role";
import { temporaryPassword } from "@/lib/users/temporary-password";
import { CreateUserSchema, RoleSchema } from "@/lib/users/user-schemas";

/**
 * Admin actions on the organisation and its people. The domain verbs (lib/users) check the
 * role, bump the person's session version (their open sessions end) and write the audit rows.
 */

/** The person's email, only if they belong to the admin's organisation (another's is not found). */
async function emailOf(ctx: SessionContext, userId: string, notSelf = false): Promise<string> {
  if (notSelf && userId === ctx.principal.userId) throw new AppError("forbidden", "You cannot change your own role or access; ask another admin");
  return getUserEmail(ctx.db, ctx.principal, userId);
}

export const setTimeZoneAction = defineAction({
  args: ["timeZone"],
  input: z.strictObject({ timeZone: TimeZoneSchema }),
  revalidate: "/settings",
  run: async ({ db, principal }, { timeZone }) => (await setOrganizationTimeZone(db, principal, { orgId: principal.orgId, timeZone })).timeZone,
});

/** Invites a person: an account with the role and a temporary password shown to the admin once. */
export const inviteUserAction = defineAction({
  input: z.strictObject({
    email: CreateUserSchema.shape.email,
    name: z
      .string()
      .trim()
      .max(200)
      .transform((n) => n || undefined),
    role: RoleSchema,
  }),
  revalidate: "/settings",
  run: async ({ db, principal }, data) => {
    const password = temporaryPassword();
    const user = await createUser(db, principal, { orgId: principal.orgId, ...data, password });
    return { email: user.email, password };
  },
});

export const changeRoleAction = defineAction({
  args: ["userId", "role"],
  input: z.strictObject({ userId: ActionIdSchema, role: RoleSchema }),
  revalidate: "/settings",
  run: async (ctx, { userId, role }) => (await setUserRole(ctx.db, ctx.principal, { email: await emailOf(ctx, userId, true), role })).role,
});

export const deactivateUserAction = defineAction({
  args: ["userId"],
  input: z.strictObject({ userId: ActionIdSchema }),
  revalidate: "/settings",
  run: async (ctx, { userId }) => {
    await deactivateUser(ctx.db, ctx.principal, { email: await emailOf(ctx, userId, true) });
    return true;
  },
});

export const resetPasswordAction = defineAction({
  args: ["userId"],
  input: z.strictObject({ userId: ActionIdSchema }),
  revalidate: "/settings",
  run: async (ctx, { userId }) => {
    const email = await emailOf(ctx, userId);
    const password = temporaryPassword();
    await setUserPassword(ctx.db, ctx.principal, { email, password });
    return { email, password };
  },
});
