import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { ensureServerReady } from "@/lib/server/ensure-server-ready";
import { recordSessionFactor } from "@/lib/second-factors/record-session-factor";
import { verifyPasskeyAuthentication } from "@/lib/second-factors/verify-passkey-authentication";
import { newSessionId, signedInUser } from "./signed-in-user";

/** The browser's assertion, as @simplewebauthn/browser's startAuthentication returns it (checked further by @simplewebauthn/server). */
const AssertionSchema = z.object({
  id: z.string().max(1024),
  rawId: z.string().max(1024),
  type: z.literal("public-key"),
  response: z.object({
    clientDataJSON: z.string().max(8192),
    authenticatorData: z.string().max(8192),
    signature: z.string().max(2048),
    userHandle: z.string().max(1024).optional(),
  }),
  clientExtensionResults: z.record(z.string(), z.unknown()),
  authenticatorAttachment: z.string().max(32).optional(),
});

/**
 * Sign-in with a passkey (no email, no password): the browser answers a challenge from
 * POST /api/account/passkey-challenge with a discoverable credential. A passkey with user
 * verification is two factors in one, so the new session counts as checked at once.
 */
export const passkeyProvider = CredentialsProvider({
  id: "passkey",
  name: "Passkey",
  credentials: { response: { label: "Assertion", type: "text" } },
  async authorize(credentials) {
    let parsed;
    try {
      parsed = AssertionSchema.safeParse(JSON.parse(String(credentials?.response ?? "")));
    } catch {
      parsed = null;
    }
    if (!parsed?.success) throw new Error("The passkey was not accepted.");
    await ensureServerReady();
    const db = await getDb();
    const userId = await verifyPasskeyAuthentication(db, parsed.data as never, "sign_in");
    const user = userId ? await db.user.findUnique({ where: { id: userId } }) : null;
    if (!user || user.deactivatedAt) throw new Error("The passkey was not accepted.");
    const sid = newSessionId();
    await recordSessionFactor(db, { userId: user.id, sessionId: sid }, "passkey");
    return signedInUser(user, sid);
  },
});
