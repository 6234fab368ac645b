import bcrypt from "bcryptjs";
import CredentialsProvider from "next-auth/providers/credentials";
import { clientAddress } from "@/lib/api/client-address";
import { hasUnsafeText } from "@/lib/api/unsafe-text";
import { getDb } from "@/lib/db/client";
import { ensureServerReady } from "@/lib/server/ensure-server-ready";
import { checkLoginAttempt, recordLoginFailure, recordLoginSuccess } from "./login-rate-limit";
import { newSessionId, signedInUser } from "./signed-in-user";

export const WRONG_CREDENTIALS = "The email or password is not correct.";
/** Compared against when the email is unknown, so both cases take the same time. */
const DUMMY_HASH = "$2b$10$xn4sgV9LGoHlbj9VXpEKde32mSrKhPjuFasCcAneinAg8B6lqE9Ua";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Email and password. A person with a second factor is signed in to a session that must
 * still prove it (/verify: lib/auth/session-gate.ts) before it opens anything.
 */
export const passwordProvider = CredentialsProvider({
  id: "credentials",
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
    return signedInUser(user, newSessionId());
  },
});
