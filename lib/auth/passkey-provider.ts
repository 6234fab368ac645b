import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db/client";
import { ensureServerReady } from "@/lib/server/ensure-server-ready";
import { recordSessionFactor } from "@/lib/second-factors/record-session-factor";
import { AssertionSchema } from "@/lib/second-factors/second-factor-schemas";
import { verifyPasskeyAuthentication } from "@/lib/second-factors/verify-passkey-authentication";
import { newSessionId, signedInUser } from "./signed-in-user";

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
