import type { NextAuthOptions } from "next-auth";
import { getDb } from "@/lib/db/client";
import { oidcSettings } from "@/lib/env";
import { ensureServerReady } from "@/lib/server/ensure-server-ready";
import { endUserSessions } from "@/lib/users/end-user-sessions";
import { signInWithOidc } from "@/lib/users/sign-in-with-oidc";
import { oidcProviders } from "./oidc-provider";
import { passkeyProvider } from "./passkey-provider";
import { passwordProvider } from "./password-provider";
import { newSessionId, signedInUser, type SignedInUser } from "./signed-in-user";

export { WRONG_CREDENTIALS } from "./password-provider";

/**
 * next-auth: email + password, passkeys, and single sign-on when configured. JWT sessions
 * carry userId, role, orgId, the user's session version (`sv`), which every request compares
 * with the database (see session-principal.ts: sign-out, a new password, a new role or
 * deactivation ends every earlier session, copied cookies included), and the session's own
 * id (`sid`), under which its second-factor checks are kept.
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [passwordProvider, passkeyProvider, ...oidcProviders()],
  callbacks: {
    async signIn({ account, profile }) {
      if (account?.provider !== "oidc") return true;
      const oidc = oidcSettings()!;
      const claims = (profile ?? {}) as Record<string, unknown>;
      await ensureServerReady();
      const outcome = await signInWithOidc(
        await getDb(),
        {
          issuer: oidc.issuer,
          sub: String(account.providerAccountId),
          email: typeof claims.email === "string" ? claims.email : null,
          emailVerified: claims.email_verified === true,
          name: typeof claims.name === "string" ? claims.name : null,
          roleClaim: claims[oidc.roleClaim],
        },
        { orgId: oidc.orgId },
      );
      if (!outcome.ok) console.warn(`[sso] sign-in refused for subject ${account.providerAccountId}: ${outcome.reason}`);
      return outcome.ok;
    },
    async jwt({ token, user, account }) {
      if (!user) return token;
      let who: SignedInUser | null = user as unknown as SignedInUser;
      if (account?.provider === "oidc") {
        const row = await (await getDb()).user.findUnique({ where: { oidcSubject: `${oidcSettings()!.issuer}|${account.providerAccountId}` } });
        who = row ? signedInUser(row, newSessionId()) : null;
      }
      if (!who) return token;
      return { ...token, userId: who.id, role: who.role, orgId: who.orgId, email: who.email, name: who.name, sv: who.sv, sid: who.sid };
    },
    async session({ session, token }) {
      return {
        ...session,
        user: { ...session.user, id: token.userId, role: token.role, orgId: token.orgId, email: token.email, name: token.name, sv: token.sv, sid: token.sid },
      };
    },
  },
  events: {
    // The cookie is deleted in this browser; the version bump also voids any copy of it.
    async signOut({ token }) {
      if (typeof token?.userId === "string") await endUserSessions(await getDb(), token.userId);
    },
  },
};
