import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import type { DbOrTx } from "@/lib/db/client";
import type { UserPrincipal } from "./principal";

/**
 * A signed-in browser session as an API principal. The user row is re-read so that a
 * changed role or a deleted user takes effect at once, not when the JWT expires.
 */
export async function sessionPrincipalFromRequest(db: DbOrTx, req: NextRequest): Promise<UserPrincipal | null> {
  const token = await getToken({ req, secret: process.env.NEXTAUTH_SECRET });
  const userId = typeof token?.userId === "string" ? token.userId : null;
  return userId ? userPrincipal(db, userId) : null;
}

export async function userPrincipal(db: DbOrTx, userId: string): Promise<UserPrincipal | null> {
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user) return null;
  return { kind: "user", orgId: user.orgId, userId: user.id, role: user.role, email: user.email, keyId: null, label: user.email };
}
