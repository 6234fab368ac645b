"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { clientAddress } from "@/lib/api/client-address";
import { defineAction } from "@/lib/actions/define-action";
import { beginPasskeyAuthentication } from "@/lib/second-factors/begin-passkey-authentication";
import { proveSecondFactor } from "@/lib/second-factors/prove-second-factor";
import { FactorProofSchema } from "@/lib/second-factors/second-factor-schemas";

/** Step-up in the dashboard (components/step-up.tsx): a passkey challenge for the signed-in person, and the proof. */
export const stepUpPasskeyOptionsAction = defineAction({
  args: [],
  input: z.strictObject({}),
  run: ({ db, principal }) => beginPasskeyAuthentication(db, { purpose: "step_up", userId: principal.userId }),
});

export const proveStepUpAction = defineAction({
  args: ["proof"],
  input: z.strictObject({ proof: FactorProofSchema }),
  run: async ({ db, principal }, { proof }) => proveSecondFactor(db, principal, proof as never, "step_up", clientAddress(await headers())),
});
