"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { toActionResult } from "@/lib/actions/action-result";
import { requireSession } from "@/lib/auth/require-session";
import { validationError } from "@/lib/errors/app-error";
import { parseMajorAmount } from "@/lib/format/money";
import { captureIntent } from "@/lib/intents/capture-intent";
import { getIntent } from "@/lib/intents/get-intent";
import { CaptureIntentSchema, VoidIntentSchema } from "@/lib/intents/intent-schemas";
import { voidIntent } from "@/lib/intents/void-intent";

/** Arguments arrive from the browser: strings of bounded length, or nothing happens. */
const Text = z.string().max(500);

/** The intent page's Capture: the amount is typed in major units of the intent's own currency. */
export async function captureIntentAction(intentId: string, amountText: string) {
  const { db, principal } = await requireSession();
  return toActionResult(async () => {
    const id = Text.parse(intentId);
    const intent = await getIntent(db, principal, id);
    const amount = parseMajorAmount(Text.parse(amountText), intent.currency);
    if (!amount)
      throw validationError("Enter the amount paid, greater than zero (void it if nothing was paid)", [{ field: "amount", issue: "not a positive amount" }]);
    const done = await captureIntent(db, principal, id, CaptureIntentSchema.parse({ amount }));
    revalidatePath(`/intents/${id}`);
    revalidatePath(`/agents/${done.agent_id}`);
    return { settlement: done.settlement, captured_amount: done.captured_amount };
  });
}

/** The intent page's Void: nothing was paid, all of it returns to the wallet. */
export async function voidIntentAction(intentId: string, reason: string) {
  const { db, principal } = await requireSession();
  return toActionResult(async () => {
    const id = Text.parse(intentId);
    const why = Text.parse(reason).trim();
    const done = await voidIntent(db, principal, id, VoidIntentSchema.parse(why ? { reason: why } : {}));
    revalidatePath(`/intents/${id}`);
    revalidatePath(`/agents/${done.agent_id}`);
    return { settlement: done.settlement, captured_amount: done.captured_amount };
  });
}
