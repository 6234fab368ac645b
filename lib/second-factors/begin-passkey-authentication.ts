import { generateAuthenticationOptions } from "@simplewebauthn/server";
import type { Db } from "@/lib/db/client";
import { rememberChallenge } from "./passkey-challenges";
import { relyingParty } from "./relying-party";

/**
 * Options for using a passkey: to sign in (anyone's discoverable passkey; the browser offers
 * the ones it has), or as a signed-in person's second factor (theirs only). User verification
 * is required either way: the passkey alone is two factors.
 */
export async function beginPasskeyAuthentication(db: Db, who: { purpose: "sign_in" } | { purpose: "step_up"; userId: string }) {
  const rp = relyingParty();
  const mine = who.purpose === "step_up" ? await db.passkey.findMany({ where: { userId: who.userId }, select: { credentialId: true } }) : [];
  const options = await generateAuthenticationOptions({
    rpID: rp.rpID,
    userVerification: "required",
    allowCredentials: mine.map((p) => ({ id: p.credentialId })),
  });
  await rememberChallenge(db, options.challenge, who.purpose, who.purpose === "step_up" ? who.userId : null);
  return options;
}
