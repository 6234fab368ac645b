import bcrypt from "bcryptjs";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { AppError } from "@/lib/errors/app-error";
import { Prisma } from "@/lib/generated/prisma/client";
import type { User } from "@/lib/generated/prisma/client";
import { CreateUserSchema, type CreateUserInput } from "@/lib/users/user-schemas";
import { assertCan } from "@/lib/permissions/can";
import type { Actor } from "@/lib/auth/principal";
import { getOrganizationOrThrow } from "@/lib/organizations/get-organization-or-throw";

export const BCRYPT_COST = 10;

export type UserDto = {
  id: string;
  org_id: string;
  email: string;
  name: string;
  role: User["role"];
  has_password: boolean;
  must_change_password: boolean;
  deactivated_at: string | null;
  created_at: string;
};

export const userView = (u: User): UserDto => ({
  id: u.id,
  org_id: u.orgId,
  email: u.email,
  name: u.name,
  role: u.role,
  has_password: u.passwordHash !== null,
  must_change_password: u.passwordChangeRequired,
  deactivated_at: u.deactivatedAt?.toISOString() ?? null,
  created_at: u.createdAt.toISOString(),
});

/**
 * A person who signs in to the dashboard or uses a user key (the CLI and the demo seed; the
 * dashboard invites by link instead). Emails are unique across organisations. A password
 * given here was chosen by someone else, so it must be changed at the first sign-in.
 */
export async function createUser(db: Db, actor: Actor, input: CreateUserInput): Promise<UserDto> {
  const data = CreateUserSchema.parse(input);
  assertCan(actor, "user.create", { orgId: data.orgId });
  await getOrganizationOrThrow(db, data.orgId);
  const emailTaken = () => new AppError("conflict", `A user with the email ${data.email} already exists`);
  if (await db.user.findUnique({ where: { email: data.email }, select: { id: true } })) throw emailTaken();

  const passwordHash = data.password ? await bcrypt.hash(data.password, BCRYPT_COST) : null;
  const id = newId("usr");
  try {
    const user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: {
          id,
          orgId: data.orgId,
          email: data.email,
          name: data.name ?? data.email.split("@")[0],
          role: data.role,
          passwordHash,
          passwordChangeRequired: passwordHash !== null && data.mustChangePassword !== false,
          passwordSetAt: passwordHash ? new Date() : null,
        },
      });
      await recordAuditEvent(tx, {
        orgId: data.orgId,
        actor,
        action: "user.created",
        targetId: id,
        data: { email: data.email, role: data.role },
      });
      return created;
    });
    return userView(user);
  } catch (e) {
    // Two creations with one email raced: the unique index decided.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw emailTaken();
    throw e;
  }
}
