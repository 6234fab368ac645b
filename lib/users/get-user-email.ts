import type { UserPrincipal } from "@/lib/auth/principal";
import type { DbOrTx } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";

/** A person's email, only if they belong to the principal's organisation (another's is not found). */
export async function getUserEmail(db: DbOrTx, principal: UserPrincipal, userId: string): Promise<string> {
  const user = await db.user.findFirst({ where: { id: userId, orgId: principal.orgId }, select: { email: true } });
  if (!user) throw notFound("User");
  return user.email;
}
