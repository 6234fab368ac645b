import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { connection } from "next/server";
import { getDb, type Db } from "@/lib/db/client";
import { ensureServerReady } from "@/lib/server/ensure-server-ready";
import { authOptions } from "./auth-options";
import type { UserPrincipal } from "./principal";
import { tokenSessionVersion, userPrincipal } from "./session-principal";

export type SessionContext = { db: Db; principal: UserPrincipal; name: string };

/**
 * For server components, actions and dashboard route handlers: the signed-in person as a
 * principal, re-read from the database (a changed role applies at once). No session, a
 * session whose version is stale (signed out, new password or role, deactivated) or a user
 * who no longer exists goes to the sign-in page.
 *
 * React's `cache()` makes it one read per request: the layout, the page, its
 * `generateMetadata` and any server component below share it. The cache lives for one
 * server render only, so every server action call (its own request) reads afresh, and
 * outside a render (route handlers) it is a plain call.
 */
export const requireSession = cache(async function requireSession(): Promise<SessionContext> {
  await connection();
  const session = await getServerSession(authOptions);
  const userId = (session?.user as { id?: unknown } | undefined)?.id;
  const sv = tokenSessionVersion(session?.user);
  if (typeof userId !== "string" || sv === null) redirect("/sign-in");
  await ensureServerReady();
  const db = await getDb();
  const principal = await userPrincipal(db, userId, sv);
  if (!principal) redirect("/sign-in");
  const user = await db.user.findUnique({ where: { id: userId }, select: { name: true } });
  return { db, principal, name: user?.name ?? principal.email };
});

/** The same, for route handlers that must answer 401 instead of redirecting. */
export async function sessionOrNull(): Promise<SessionContext | null> {
  const session = await getServerSession(authOptions);
  const userId = (session?.user as { id?: unknown } | undefined)?.id;
  const sv = tokenSessionVersion(session?.user);
  if (typeof userId !== "string" || sv === null) return null;
  await ensureServerReady();
  const db = await getDb();
  const principal = await userPrincipal(db, userId, sv);
  return principal ? { db, principal, name: principal.email } : null;
}
