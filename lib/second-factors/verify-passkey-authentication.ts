import { verifyAuthenticationResponse, type AuthenticationResponseJSON } from "@simplewebauthn/server";
import type { Db } from "@/lib/db/client";
import { consumeChallenge } from "./passkey-challenges";
import { relyingParty } from "./relying-party";

/**
 * Checks a passkey assertion: a challenge we issued for this purpose (used up now), a
 * credential we know (of `userId`, when given), a valid signature with user verification,
 * and a signature counter that moved on (a cloned authenticator shows an old one). Returns
 * the person's id, or null for anything else.
 */
export async function verifyPasskeyAuthentication(
  db: Db,
  response: AuthenticationResponseJSON,
  purpose: "sign_in" | "step_up",
  userId: string | null = null,
): Promise<string | null> {
  const passkey = await db.passkey.findUnique({ where: { credentialId: response.id } });
  if (!passkey || (userId && passkey.userId !== userId)) return null;
  const rp = relyingParty();
  try {
    const { verified, authenticationInfo } = await verifyAuthenticationResponse({
      response,
      expectedChallenge: (challenge) => consumeChallenge(db, challenge, purpose, purpose === "step_up" ? passkey.userId : null),
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      credential: {
        id: passkey.credentialId,
        publicKey: new Uint8Array(passkey.publicKey),
        counter: Number(passkey.counter),
        transports: passkey.transports as never,
      },
      requireUserVerification: true,
    });
    if (!verified) return null;
    // Guarded: of two uses of one assertion, or a clone behind the counter, only one moves it.
    const moved = await db.passkey.updateMany({
      where: { id: passkey.id, counter: authenticationInfo.newCounter === 0 ? 0 : { lt: BigInt(authenticationInfo.newCounter) } },
      data: { counter: BigInt(authenticationInfo.newCounter), lastUsedAt: new Date() },
    });
    return moved.count === 1 ? passkey.userId : null;
  } catch {
    return null;
  }
}
