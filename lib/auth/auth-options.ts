import bcrypt from "bcryptjs";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db/client";
import { ensureServerReady } from "@/lib/server/ensure-server-ready";
import { clearLoginAttempts, takeLoginAttempt } from "./login-rate-limit";

export const WRONG_CREDENTIALS = "The email or password is not correct.";
/** Compared against when the email is unknown, so both cases take the same time. */
const DUMMY_HASH = "$2b$10$xn4sgV9LGoHlbj9VXpEKde32mSrKhPjuFasCcAneinAg8B6lqE9Ua";

function clientIp(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const first = typeof forwarded === "string" ? forwarded.split(",")[0].trim() : "";
  const real = headers?.["x-real-ip"];
  return first || (typeof real === "string" ? real : "") || "local";
}

/** next-auth: email + password against our users; JWT sessions carry userId, role and orgId. */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const email = credentials?.email?.trim().toLowerCase() ?? "";
        const password = credentials?.password ?? "";
        if (!email || !password) throw new Error("Enter your email and password.");
        const ip = clientIp(req?.headers as Record<string, unknown> | undefined);
        const gate = takeLoginAttempt(email, ip);
        if (!gate.allowed) throw new Error(`Too many sign-in attempts. Try again in ${gate.retryAfterSeconds} seconds.`);
        await ensureServerReady();
        const db = await getDb();
        const user = await db.user.findUnique({ where: { email } });
        const ok = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
        if (!user?.passwordHash || !ok) throw new Error(WRONG_CREDENTIALS);
        clearLoginAttempts(email, ip);
        return { id: user.id, email: user.email, name: user.name, role: user.role, orgId: user.orgId };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        const u = user as typeof user & { role: string; orgId: string };
        token.userId = u.id;
        token.role = u.role;
        token.orgId = u.orgId;
        token.email = u.email;
        token.name = u.name;
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, user: { ...session.user, id: token.userId, role: token.role, orgId: token.orgId, email: token.email, name: token.name } };
    },
  },
};
