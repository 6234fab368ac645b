"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { clientAddress } from "@/lib/api/client-address";
import { defineAction } from "@/lib/actions/define-action";
import { beginPasskeyAuthentication } from "@/lib/second-factors/begin-passkey-authentication";
import { beginPasskeyRegistration } from "@/lib/second-factors/begin-passkey-registration";
import { confirmTotpEnrollment } from "@/lib/second-factors/confirm-totp-enrollment";
import { finishPasskeyRegistration } from "@/lib/second-factors/finish-passkey-registration";
import { proveSecondFactor } from "@/lib/second-factors/prove-second-factor";
import { AttestationSchema, FactorProofSchema } from "@/lib/second-factors/second-factor-schemas";
import { startTotpEnrollment } from "@/lib/second-factors/start-totp-enrollment";
import { changeOwnPassword } from "@/lib/users/change-own-password";

/**
 * The person's own sign-in credentials: the steps of signing in (/verify, /new-password,
 * /enroll: each action serves its own step only, see `gates`) and the Account page.
 */

/** /verify: the passkey challenge and the proof of a session's second factor at sign-in. */
export const signInPasskeyOptionsAction = defineAction({
  args: [],
  input: z.strictObject({}),
  gates: ["verify"],
  run: ({ db, principal }) => beginPasskeyAuthentication(db, { purpose: "step_up", userId: principal.userId }),
});

export const proveSignInFactorAction = defineAction({
  args: ["proof"],
  input: z.strictObject({ proof: FactorProofSchema }),
  gates: ["verify"],
  run: async ({ db, principal }, { proof }) => proveSecondFactor(db, principal, proof as never, "sign_in", clientAddress(await headers())),
});

/** /new-password and Account: the person's own password (their sessions end; the page signs in again). */
export const changeOwnPasswordAction = defineAction({
  input: z.strictObject({ current: z.string().max(1024), next: z.string().max(1024) }),
  gates: ["password"],
  run: ({ db, principal }, input) => changeOwnPassword(db, principal, input),
});

/** /enroll and Account: set up an authenticator app or a passkey. */
export const startTotpAction = defineAction({
  args: [],
  input: z.strictObject({}),
  gates: ["enroll"],
  run: ({ db, principal }) => startTotpEnrollment(db, principal),
});

export const confirmTotpAction = defineAction({
  args: ["code"],
  input: z.strictObject({ code: z.string().trim().max(16) }),
  gates: ["enroll"],
  revalidate: "/account",
  run: ({ db, principal }, { code }) => confirmTotpEnrollment(db, principal, code),
});

export const passkeyRegistrationOptionsAction = defineAction({
  args: [],
  input: z.strictObject({}),
  gates: ["enroll"],
  run: ({ db, principal }) => beginPasskeyRegistration(db, principal),
});

export const finishPasskeyRegistrationAction = defineAction({
  args: ["name", "response"],
  input: z.strictObject({ name: z.string().trim().max(60), response: AttestationSchema }),
  gates: ["enroll"],
  revalidate: "/account",
  run: ({ db, principal }, input) => finishPasskeyRegistration(db, principal, input as never),
});
