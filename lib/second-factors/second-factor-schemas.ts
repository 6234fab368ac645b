import { z } from "zod";

/** A passkey's answer as @simplewebauthn/browser returns it; @simplewebauthn/server checks the rest. */
const b64 = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9_-]*={0,2}$/, "must be base64url");
export const AssertionSchema = z.object({
  id: b64(1024),
  rawId: b64(1024),
  type: z.literal("public-key"),
  response: z.object({
    clientDataJSON: b64(8192),
    authenticatorData: b64(8192),
    signature: b64(2048),
    userHandle: b64(1024).optional(),
  }),
  clientExtensionResults: z.record(z.string(), z.unknown()),
  authenticatorAttachment: z.string().max(32).optional(),
});

export const AttestationSchema = z.object({
  id: b64(1024),
  rawId: b64(1024),
  type: z.literal("public-key"),
  response: z.object({
    clientDataJSON: b64(8192),
    attestationObject: b64(16384),
    authenticatorData: b64(16384).optional(),
    transports: z.array(z.string().max(32)).max(10).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: b64(4096).optional(),
  }),
  clientExtensionResults: z.record(z.string(), z.unknown()),
  authenticatorAttachment: z.string().max(32).optional(),
});

/** How a signed-in session proves its second factor. */
export const FactorProofSchema = z.discriminatedUnion("method", [
  z.strictObject({ method: z.literal("totp"), code: z.string().trim().max(16) }),
  z.strictObject({ method: z.literal("recovery_code"), code: z.string().trim().max(32) }),
  z.strictObject({ method: z.literal("passkey"), response: AssertionSchema }),
]);
