import type { UserPrincipal } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { assertCan } from "@/lib/permissions/can";
import { captureIntent } from "./capture-intent";
import { getIntent } from "./get-intent";
import { voidIntent } from "./void-intent";

export type BulkSettleInput = { intentIds: string[]; kind: "capture" | "void"; note?: string };

/**
 * Reconciliation's bulk action: captures in full (paid as approved) or voids each ticked intent,
 * one at a time, each through the same verb, transaction, audit event and race guard as a single
 * capture or void. One that cannot be settled (already settled, another organisation's) is
 * reported and the rest go on.
 */
export async function settleIntentsInBulk(db: Db, principal: UserPrincipal, input: BulkSettleInput) {
  assertCan(principal, "intent.settle");
  const done: string[] = [];
  const failed: { id: string; message: string }[] = [];
  for (const id of new Set(input.intentIds)) {
    try {
      if (input.kind === "void") await voidIntent(db, principal, id, { reason: input.note });
      else {
        const intent = await getIntent(db, principal, id);
        await captureIntent(db, principal, id, { amount: intent.amount, memo: input.note });
      }
      done.push(id);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      failed.push({ id, message: e.message });
    }
  }
  return { done, failed };
}
