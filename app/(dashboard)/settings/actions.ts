"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { toActionResult } from "@/lib/actions/action-result";
import { requireSession } from "@/lib/auth/require-session";
import { AppError, notFound } from "@/lib/errors/app-error";
import { setOrganizationTimeZone } from "@/lib/organizations/set-organization-time-zone";
import { createUser } from "@/lib/users/create-user";
import { deactivateUser } from "@/lib/users/deactivate-user";
import { setUserPassword } from "@/lib/users/set-user-password";
import { setUserRole } from "@/lib/users/set-user-role";
import { temporaryPassword } from "@/lib/users/temporary-password";
import { RoleSchema } from "@/lib/users/user-schemas";

type Ctx = Awaited<ReturnType<typeof requireSession>>;

/**
 * Admin actions on the organisation and its people. The domain verbs (lib/users) check the
 * role, bump the person's session version (their open sessions end) and write the audit rows.
 */
async function run<T>(fn: (ctx: Ctx) => Promise<T>) {
  const ctx = await requireSession();
  const result = await toActionResult(() => fn(ctx));
  if (result.ok) revalidatePath("/settings");
  return result;
}

/** The person's email, only if they belong to the admin's organisation (another's is not found). */
async function emailOf(ctx: Ctx, userId: string, notSelf = false): Promise<string> {
  if (notSelf && userId === ctx.principal.userId) throw new AppError("forbidden", "You cannot change your own role or access; ask another admin");
  const user = await ctx.db.user.findFirst({ where: { id: z.string().parse(userId), orgId: ctx.principal.orgId }, select: { email: true } });
  if (!user) throw notFound("User");
  return user.email;
}

export async function setTimeZoneAction(timeZone: string) {
  return run(async ({ db, principal }) => (await setOrganizationTimeZone(db, principal, { orgId: principal.orgId, timeZone })).timeZone);
}

const InviteSchema = z.strictObject({ email: z.string(), name: z.string().trim().max(200), role: RoleSchema });

/** Invites a person: an account with the role and a temporary password shown to the admin once. */
export async function inviteUserAction(input: { email: string; name: string; role: string }) {
  return run(async ({ db, principal }) => {
    const data = InviteSchema.parse(input);
    const password = temporaryPassword();
    const user = await createUser(db, principal, { orgId: principal.orgId, email: data.email, name: data.name || undefined, role: data.role, password });
    return { email: user.email, password };
  });
}

export async function changeRoleAction(userId: string, role: string) {
  return run(async (ctx) => (await setUserRole(ctx.db, ctx.principal, { email: await emailOf(ctx, userId, true), role: RoleSchema.parse(role) })).role);
}

export async function deactivateUserAction(userId: string) {
  return run(async (ctx) => {
    await deactivateUser(ctx.db, ctx.principal, { email: await emailOf(ctx, userId, true) });
    return true;
  });
}

export async function resetPasswordAction(userId: string) {
  return run(async (ctx) => {
    const email = await emailOf(ctx, userId);
    const password = temporaryPassword();
    await setUserPassword(ctx.db, ctx.principal, { email, password });
    return { email, password };
  });
}
