import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import type { DbOrTx } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { UserPrincipal } from "./principal";

/** The session version a signed-in JWT carries, or null for a token from before versions (refused). */
export const tokenSessionVersion = (token: unknown): number | null => {
  const sv = (token as { sv?: unknown } | null)?.sv;
  return typeof sv === "number" && Number.isInteger(sv) ? sv : null;
};

/**
 * A signed-in browser session as an API principal. The user row is re-read so that a
 * changed role, a deactivation or a sign-out elsewhere takes effect at once, not when the
 * JWT expires.
 */
export async function sessionPrincipalFromRequest(db: DbOrTx, req: NextRequest): Promise<UserPrincipal | null> {
  const token = await getToken({ req, secret: env().NEXTAUTH_SECRET });
  const userId = typeof token?.userId === "string" ? token.userId : null;
  const sv = tokenSessionVersion(token);
  return userId && sv !== null ? userPrincipal(db, userId, sv) : null;
}

/** `sessionVersion` given: a session, valid only while the user's version still matches. Omitted: an API key's user. */
export async function userPrincipal(db: DbOrTx, userId: string, sessionVersion?: number): Promise<UserPrincipal | null> {
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user || user.deactivatedAt) return null;
  if (sessionVersion !== undefined && user.sessionVersion !== sessionVersion) return null;
  return { kind: "user", orgId: user.orgId, userId: user.id, role: user.role, email: user.email, keyId: null, label: user.email };
}
