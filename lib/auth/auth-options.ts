import bcrypt from "bcryptjs";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { clientAddress } from "@/lib/api/client-address";
import { hasUnsafeText } from "@/lib/api/unsafe-text";
import { getDb } from "@/lib/db/client";
import { ensureServerReady } from "@/lib/server/ensure-server-ready";
import { endUserSessions } from "@/lib/users/end-user-sessions";
import { checkLoginAttempt, recordLoginFailure, recordLoginSuccess } from "./login-rate-limit";

export const WRONG_CREDENTIALS = "The email or password is not correct.";
/** Compared against when the email is unknown, so both cases take the same time. */
const DUMMY_HASH = "$2b$10$xn4sgV9LGoHlbj9VXpEKde32mSrKhPjuFasCcAneinAg8B6lqE9Ua";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * next-auth: email + password against our users; JWT sessions carry userId, role, orgId
 * and the user's session version (`sv`), which every request compares with the database
 * (see session-principal.ts): sign-out, a new password, a new role or deactivation ends
 * every earlier session, copied cookies included.
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const email = typeof credentials?.email === "string" ? credentials.email.trim().toLowerCase() : "";
        const password = typeof credentials?.password === "string" ? credentials.password : "";
        if (!email || !password) throw new Error("Enter your email and password.");
        if (email.length > 320 || password.length > 1024 || hasUnsafeText(email) || hasUnsafeText(password)) throw new Error(WRONG_CREDENTIALS);
        const address = clientAddress(req?.headers as Record<string, unknown> | undefined);
        const gate = await checkLoginAttempt(email, address);
        if (!gate.allowed) throw new Error(`Too many failed sign-ins from your network. Try again in ${gate.retryAfterSeconds} seconds.`);
        if (gate.delayMs) await sleep(gate.delayMs);
        await ensureServerReady();
        const db = await getDb();
        const user = await db.user.findUnique({ where: { email } });
        // bcrypt runs whether or not the account exists, so timing tells nothing.
        const ok = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
        if (!user?.passwordHash || !ok || user.deactivatedAt) {
          await recordLoginFailure(email, address);
          throw new Error(WRONG_CREDENTIALS);
        }
        await recordLoginSuccess(email);
        return { id: user.id, email: user.email, name: user.name, role: user.role, orgId: user.orgId, sv: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        const u = user as typeof user & { role: string; orgId: string; sv: number };
        token.userId = u.id;
        token.role = u.role;
        token.orgId = u.orgId;
        token.email = u.email;
        token.name = u.name;
        token.sv = u.sv;
      }
      return token;
    },
    async session({ session, token }) {
      return {
        ...session,
        user: { ...session.user, id: token.userId, role: token.role, orgId: token.orgId, email: token.email, name: token.name, sv: token.sv },
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
