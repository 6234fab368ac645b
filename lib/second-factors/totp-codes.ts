import { generateSecret, generateURI, verify } from "otplib";

/**
 * TOTP (RFC 6238) through `otplib`: 30-second steps, 6 digits, SHA-1, as every authenticator
 * app expects. Pure: the caller keeps the secret sealed and the last step used.
 */
export const newTotpSecret = (): string => generateSecret();

export const totpUri = (email: string, secret: string): string => generateURI({ issuer: "AegisOS Comply", label: email, secret });

/** A code typed by a person: digits only (spaces allowed), six of them. */
export const looksLikeTotp = (code: string) => /^\d{6}$/.test(code.replace(/\s+/g, ""));

/**
 * Checks a code, allowing one step of clock drift either way. A step at or before
 * `afterStep` (the last one accepted) is refused, so a code seen once cannot be replayed.
 * Returns the step to remember, or null.
 */
export async function checkTotp(secret: string, code: string, afterStep: number | null): Promise<number | null> {
  const token = code.replace(/\s+/g, "");
  if (!looksLikeTotp(token)) return null;
  const result = await verify({ secret, token, epochTolerance: 30, ...(afterStep !== null ? { afterTimeStep: afterStep } : {}) });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}
