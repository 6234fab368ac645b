import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { connection } from "next/server";
import { getDb, getReadDb, type Db, type ReadDb } from "@/lib/db/client";
import { ensureServerReady } from "@/lib/server/ensure-server-ready";
import { authOptions } from "./auth-options";
import type { UserPrincipal } from "./principal";
import { gatePage, type SessionGate } from "./session-gate";
import { sessionClaims, sessionState } from "./session-principal";

/** `readDb`: page reads that may come from a replica (DATABASE_READ_URL); the session itself is read from the primary. */
export type SessionContext = { db: Db; readDb: ReadDb; principal: UserPrincipal; name: string };
export type GatedSessionContext = SessionContext & { gate: SessionGate };

/** The session as it stands (see sessionState), read once per request. */
const readSession = cache(async function readSession(): Promise<GatedSessionContext | null> {
  await connection();
  const claims = sessionClaims((await getServerSession(authOptions))?.user);
  if (!claims) return null;
  await ensureServerReady();
  const [db, readDb] = await Promise.all([getDb(), getReadDb()]);
  const state = await sessionState(db, claims);
  if (!state) return null;
  const user = await db.user.findUnique({ where: { id: claims.userId }, select: { name: true } });
  return { db, readDb, principal: state.principal, gate: state.gate, name: user?.name ?? state.principal.email };
});

/**
 * For server components, actions and dashboard route handlers: the signed-in person as a
 * principal, re-read from the database (a changed role applies at once). No session, a
 * session whose version is stale (signed out, new password or role, deactivated) or a user
 * who no longer exists goes to the sign-in page; a session with a step still to take (a new
 * password, its second factor, setting one up: lib/auth/session-gate.ts) goes to that step.
 *
 * React's `cache()` makes it one read per request: the layout, the page, its
 * `generateMetadata` and any server component below share it. The cache lives for one
 * server render only, so every server action call (its own request) reads afresh, and
 * outside a render (route handlers) it is a plain call.
 */
export const requireSession = cache(async function requireSession(): Promise<SessionContext> {
  const session = await readSession();
  if (!session) redirect("/sign-in");
  const step = gatePage(session.gate);
  if (step) redirect(step);
  return { db: session.db, readDb: session.readDb, principal: session.principal, name: session.name };
});

/** For the pages of those steps (and their actions): the session with its step, which may be none. */
export const requireGatedSession = cache(async function requireGatedSession(): Promise<GatedSessionContext> {
  const session = await readSession();
  if (!session) redirect("/sign-in");
  return session;
});

/** The same, for route handlers that must answer 401 instead of redirecting. */
export async function sessionOrNull(): Promise<SessionContext | null> {
  const session = await readSession();
  return session && session.gate === null ? { db: session.db, readDb: session.readDb, principal: session.principal, name: session.name } : null;
}
