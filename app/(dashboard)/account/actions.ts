"use server";

import { z } from "zod";
import { ActionIdSchema, defineAction } from "@/lib/actions/define-action";
import { regenerateRecoveryCodes } from "@/lib/second-factors/regenerate-recovery-codes";
import { removeSecondFactor } from "@/lib/second-factors/remove-second-factor";

/** Account: removing one of one's own second factors, and new recovery codes (both need a fresh check: the step-up dialog). */
export const removeSecondFactorAction = defineAction({
  args: ["method", "id"],
  input: z.strictObject({ method: z.enum(["totp", "passkey"]), id: ActionIdSchema.optional() }),
  revalidate: "/account",
  run: ({ db, principal }, { method, id }) => removeSecondFactor(db, principal, method === "passkey" ? { method, id: id ?? "" } : { method }),
});

export const regenerateRecoveryCodesAction = defineAction({
  args: [],
  input: z.strictObject({}),
  run: ({ db, principal }) => regenerateRecoveryCodes(db, principal),
});
