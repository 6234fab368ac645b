"use server";

import { z } from "zod";
import { ActionIdSchema, defineAction } from "@/lib/actions/define-action";
import { validationError } from "@/lib/errors/app-error";
import { parseMajorAmount } from "@/lib/format/money";
import { captureIntent } from "@/lib/intents/capture-intent";
import { getIntent } from "@/lib/intents/get-intent";
import { CaptureIntentSchema, VoidIntentSchema } from "@/lib/intents/intent-schemas";
import { voidIntent } from "@/lib/intents/void-intent";

/** The intent page's Capture: the amount is typed in major units of the intent's own currency. */
export const captureIntentAction = defineAction({
  args: ["intentId", "amountText", "memo"],
  input: z.strictObject({
    intentId: ActionIdSchema,
    amountText: z.string().trim().max(40),
    memo: z
      .string()
      .trim()
      .max(500)
      .optional()
      .transform((m) => m || undefined),
  }),
  run: async ({ db, principal }, { intentId, amountText, memo }) => {
    const intent = await getIntent(db, principal, intentId);
    const amount = parseMajorAmount(amountText, intent.currency);
    if (!amount)
      throw validationError("Enter the amount paid, greater than zero (void it if nothing was paid)", [{ field: "amount", issue: "not a positive amount" }]);
    const done = await captureIntent(db, principal, intentId, CaptureIntentSchema.parse({ amount, memo }));
    return { agent_id: done.agent_id, settlement: done.settlement, captured_amount: done.captured_amount };
  },
  // The intent page and its agent's page both show the settlement (after run, so its result type is known here).
  revalidate: ({ intentId }, done) => [`/intents/${intentId}`, `/agents/${done.agent_id}`],
});

/** The intent page's Void: nothing was paid; an optional reason. */
export const voidIntentAction = defineAction({
  args: ["intentId", "reason"],
  input: z.strictObject({ intentId: ActionIdSchema, reason: z.string().trim().max(500) }),
  run: async ({ db, principal }, { intentId, reason }) => {
    const done = await voidIntent(db, principal, intentId, VoidIntentSchema.parse(reason ? { reason } : {}));
    return { agent_id: done.agent_id, settlement: done.settlement, captured_amount: done.captured_amount };
  },
  // The intent page and its agent's page both show the settlement (after run, so its result type is known here).
  revalidate: ({ intentId }, done) => [`/intents/${intentId}`, `/agents/${done.agent_id}`],
});
