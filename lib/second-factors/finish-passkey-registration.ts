import { verifyRegistrationResponse, type RegistrationResponseJSON } from "@simplewebauthn/server";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { UserPrincipal } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { AppError } from "@/lib/errors/app-error";
import { consumeChallenge } from "./passkey-challenges";
import { relyingParty } from "./relying-party";
import { recordSessionFactor } from "./record-session-factor";
import { issueRecoveryCodes } from "./issue-recovery-codes";

/**
 * Verifies the browser's new passkey against the challenge this person was given (once, within
 * five minutes) and keeps its public key. Creating it needed user verification on the
 * authenticator, so it also counts as this session's second-factor check.
 */
export async function finishPasskeyRegistration(db: Db, principal: UserPrincipal, input: { name: string; response: RegistrationResponseJSON }) {
  const rp = relyingParty();
  let verification;
  try {
    verification = await verifyRegistrationResponse({
      response: input.response,
      expectedChallenge: (challenge) => consumeChallenge(db, challenge, "register", principal.userId),
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      requireUserVerification: true,
    });
  } catch (e) {
    throw new AppError("validation_error", `The passkey could not be verified: ${(e as Error).message}`);
  }
  if (!verification.verified) throw new AppError("validation_error", "The passkey could not be verified");
  const { credential } = verification.registrationInfo;
  const name = input.name.trim() || "Passkey";
  return db.$transaction(async (tx) => {
    await tx.passkey.create({
      data: {
        id: newId("pky"),
        userId: principal.userId,
        credentialId: credential.id,
        publicKey: Buffer.from(credential.publicKey),
        counter: BigInt(credential.counter),
        transports: credential.transports ?? [],
        name,
      },
    });
    await recordAuditEvent(tx, {
      orgId: principal.orgId,
      actor: principal,
      action: "user.second_factor_added",
      targetId: principal.userId,
      data: { method: "passkey", name },
    });
    await recordSessionFactor(tx, principal, "passkey");
    const hasCodes = (await tx.recoveryCode.count({ where: { userId: principal.userId, usedAt: null } })) > 0;
    return { name, recoveryCodes: hasCodes ? [] : await issueRecoveryCodes(tx, principal) };
  });
}
