"use server";

import { z } from "zod";
import { ActionIdSchema, defineAction } from "@/lib/actions/define-action";
import type { SessionContext } from "@/lib/auth/require-session";
import { AppError } from "@/lib/errors/app-error";
import { TimeZoneSchema } from "@/lib/organizations/organization-schemas";
import { setOrganizationTimeZone } from "@/lib/organizations/set-organization-time-zone";
import { inviteUser } from "@/lib/users/invite-user";
import { issuePasswordReset } from "@/lib/users/issue-password-reset";
import { revokeInvitation } from "@/lib/users/pending-invitations";
import { SignInRulesSchema } from "@/lib/organizations/organization-schemas";
import { setSignInRules } from "@/lib/organizations/set-sign-in-rules";
import { getUserEmail } from "@/lib/users/get-user-email";
import { deactivateUser } from "@/lib/users/deactivate-user";
import { setUserRole } from "@/lib/users/set-user-role";
import { InviteUserSchema, RoleSchema } from "@/lib/users/user-schemas";

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

/** Invites a person by a single-use link: emailed when SMTP is set, else shown to the admin once. */
export const inviteUserAction = defineAction({
  input: z.strictObject({
    email: InviteUserSchema.shape.email,
    name: z
      .string()
      .trim()
      .max(200)
      .transform((n) => n || undefined),
    role: RoleSchema,
  }),
  revalidate: "/settings",
  run: ({ db, principal }, data) => inviteUser(db, principal, data),
});

/** Takes back an invitation nobody has redeemed yet: its link stops working. */
export const revokeInvitationAction = defineAction({
  args: ["invitationId"],
  input: z.strictObject({ invitationId: ActionIdSchema }),
  revalidate: "/settings",
  run: ({ db, principal }, { invitationId }) => revokeInvitation(db, principal, invitationId),
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

/** A reset link for the person (never a password the admin sees): emailed when SMTP is set, else shown once. */
export const resetPasswordAction = defineAction({
  args: ["userId"],
  input: z.strictObject({ userId: ActionIdSchema }),
  revalidate: "/settings",
  run: (ctx, { userId }) => issuePasswordReset(ctx.db, ctx.principal, { userId }),
});

/** Sign-in security: a second factor for every admin and approver, and the step-up threshold for approving. */
export const setSignInRulesAction = defineAction({
  input: SignInRulesSchema,
  revalidate: "/settings",
  run: ({ db, principal }, rules) => setSignInRules(db, principal, principal.orgId, rules),
});
