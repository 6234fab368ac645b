import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import type { UserPrincipal } from "@/lib/auth/principal";
import { checkLoginAttempt, recordLoginFailure, recordLoginSuccess } from "@/lib/auth/login-rate-limit";
import { openSecret } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { hashRecoveryCode } from "./issue-recovery-codes";
import { recordSessionFactor, type FactorMethod } from "./record-session-factor";
import { checkTotp } from "./totp-codes";
import { verifyPasskeyAuthentication } from "./verify-passkey-authentication";

export type FactorProof =
  { method: "totp"; code: string } | { method: "passkey"; response: AuthenticationResponseJSON } | { method: "recovery_code"; code: string };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A signed-in session proves its person's second factor: at sign-in (/verify) or to step up
 * before approving a large amount. A TOTP code counts once (its step is remembered), a
 * passkey assertion needs a challenge issued for this person, a recovery code is used up and
 * opens sign-in only (never a step-up). Wrong codes slow down like wrong passwords (the
 * sign-in throttle, per person and per address). Success is recorded for this session.
 */
export async function proveSecondFactor(db: Db, principal: UserPrincipal, proof: FactorProof, purpose: "sign_in" | "step_up", address = "unknown") {
  if (!principal.sessionId) throw new AppError("forbidden", "A second factor is proved in a browser session, not with an API key");
  const throttleKey = `factor:${principal.userId}`;
  const gate = await checkLoginAttempt(throttleKey, address);
  if (!gate.allowed)
    throw new AppError("rate_limited", `Too many wrong codes. Try again in ${gate.retryAfterSeconds} seconds.`, [], {
      "Retry-After": String(gate.retryAfterSeconds),
    });
  if (gate.delayMs) await sleep(gate.delayMs);

  const method: FactorMethod | null = await check(db, principal, proof, purpose);
  if (!method) {
    await recordLoginFailure(throttleKey, address);
    throw new AppError("validation_error", proof.method === "passkey" ? "The passkey was not accepted" : "That code is not right", [
      { field: "code", issue: "invalid" },
    ]);
  }
  recordLoginSuccess(throttleKey);
  await recordSessionFactor(db, principal, method);
  return { method };
}

async function check(db: Db, principal: UserPrincipal, proof: FactorProof, purpose: "sign_in" | "step_up"): Promise<FactorMethod | null> {
  if (proof.method === "passkey") {
    return (await verifyPasskeyAuthentication(db, proof.response, "step_up", principal.userId)) ? "passkey" : null;
  }
  if (proof.method === "recovery_code") {
    if (purpose !== "sign_in") throw new AppError("forbidden", "A recovery code opens sign-in only; use your passkey or authenticator app");
    const { count } = await db.recoveryCode.updateMany({
      where: { userId: principal.userId, codeHash: hashRecoveryCode(proof.code), usedAt: null },
      data: { usedAt: new Date() },
    });
    return count === 1 ? "recovery_code" : null;
  }
  const user = await db.user.findUniqueOrThrow({ where: { id: principal.userId }, select: { totpSecret: true, totpEnabledAt: true, totpLastStep: true } });
  if (!user.totpEnabledAt || !user.totpSecret) return null;
  const step = await checkTotp(openSecret(user.totpSecret), proof.code, user.totpLastStep);
  if (step === null) return null;
  // Guarded: the same code sent twice at once counts once.
  const { count } = await db.user.updateMany({
    where: { id: principal.userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return count === 1 ? "totp" : null;
}
