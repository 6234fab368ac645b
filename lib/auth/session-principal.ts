import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import type { DbOrTx } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { UserPrincipal } from "./principal";
import { sessionGateOf, type SessionGate } from "./session-gate";

/** The session version a signed-in JWT carries, or null for a token from before versions (refused). */
export const tokenSessionVersion = (token: unknown): number | null => {
  const sv = (token as { sv?: unknown } | null)?.sv;
  return typeof sv === "number" && Number.isInteger(sv) ? sv : null;
};

/** The browser session's own id (`sid`, made at sign-in): its second-factor checks are kept under it. */
export const tokenSessionId = (token: unknown): string | null => {
  const sid = (token as { sid?: unknown } | null)?.sid;
  return typeof sid === "string" && /^[A-Za-z0-9_-]{16,64}$/.test(sid) ? sid : null;
};

/** What a signed-in JWT says about whom it signs in: user, session version and session id. */
export type SessionClaims = { userId: string; sv: number; sid: string };
export function sessionClaims(token: unknown): SessionClaims | null {
  const userId = (token as { userId?: unknown; id?: unknown } | null)?.userId ?? (token as { id?: unknown } | null)?.id;
  const sv = tokenSessionVersion(token);
  const sid = tokenSessionId(token);
  return typeof userId === "string" && sv !== null && sid !== null ? { userId, sv, sid } : null;
}

export type SessionState = { principal: UserPrincipal; gate: SessionGate };

/**
 * A browser session as it stands now: the person (re-read, so a changed role, a deactivation
 * or a sign-out elsewhere takes effect at once) and what they must do before anything else
 * (lib/auth/session-gate.ts): choose a new password, prove their second factor, or set one up.
 * Null when the session no longer counts.
 */
export async function sessionState(db: DbOrTx, claims: SessionClaims): Promise<SessionState | null> {
  const user = await db.user.findUnique({
    where: { id: claims.userId },
    include: {
      org: { select: { requireSecondFactor: true } },
      sessionFactors: { where: { sessionId: claims.sid }, select: { verifiedAt: true } },
      _count: { select: { passkeys: true } },
    },
  });
  if (!user || user.deactivatedAt || user.sessionVersion !== claims.sv) return null;
  const principal: UserPrincipal = {
    kind: "user",
    orgId: user.orgId,
    userId: user.id,
    role: user.role,
    email: user.email,
    keyId: null,
    sessionId: claims.sid,
    label: user.email,
  };
  const gate = sessionGateOf({
    passwordChangeRequired: user.passwordChangeRequired,
    hasSecondFactor: user.totpEnabledAt !== null || user._count.passkeys > 0,
    secondFactorRequired: user.org.requireSecondFactor && user.role !== "viewer",
    sessionVerified: user.sessionFactors.length > 0,
  });
  return { principal, gate };
}

/**
 * A signed-in browser session as an API principal, or null (401) when there is none, it no
 * longer counts, or it still has a step to take (a gated session acts on nothing).
 */
export async function sessionPrincipalFromRequest(db: DbOrTx, req: NextRequest): Promise<UserPrincipal | null> {
  const claims = sessionClaims(await getToken({ req, secret: env().NEXTAUTH_SECRET }));
  const state = claims ? await sessionState(db, claims) : null;
  return state && state.gate === null ? state.principal : null;
}

/** An API key's person (no session): null once deactivated. */
export async function userPrincipal(db: DbOrTx, userId: string): Promise<UserPrincipal | null> {
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user || user.deactivatedAt) return null;
  return { kind: "user", orgId: user.orgId, userId: user.id, role: user.role, email: user.email, keyId: null, sessionId: null, label: user.email };
}
