import { generateRegistrationOptions } from "@simplewebauthn/server";
import type { UserPrincipal } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import { rememberChallenge } from "./passkey-challenges";
import { relyingParty } from "./relying-party";

/**
 * The options a browser needs to create a passkey for the signed-in person: a discoverable
 * credential (it signs in without typing an email) with user verification (PIN, fingerprint),
 * never one they already have on that authenticator.
 */
export async function beginPasskeyRegistration(db: Db, principal: UserPrincipal) {
  const rp = relyingParty();
  const existing = await db.passkey.findMany({ where: { userId: principal.userId }, select: { credentialId: true, transports: true } });
  const options = await generateRegistrationOptions({
    rpName: rp.rpName,
    rpID: rp.rpID,
    userName: principal.email,
    userID: new TextEncoder().encode(principal.userId),
    attestationType: "none",
    excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: p.transports as AuthenticatorTransport[] })),
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
  });
  await rememberChallenge(db, options.challenge, "register", principal.userId);
  return options;
}
type AuthenticatorTransport = "ble" | "cable" | "hybrid" | "internal" | "nfc" | "smart-card" | "usb";
