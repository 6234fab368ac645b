import type { Principal } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import { waitForIntentSignal } from "@/lib/events/intent-events";
import { getIntentRow } from "./get-intent";
import { TERMINAL_STATUSES } from "./intent-schemas";
import { startWaitingIntentsRecheck } from "./recheck-waiting-intents";
import { serializeIntent } from "./serialize-intent";

const isTerminal = (status: string) => (TERMINAL_STATUSES as readonly string[]).includes(status);

/**
 * Long-poll: answers as soon as the intent is terminal or `waitSeconds` have passed. Woken
 * by the database's NOTIFY (so an approval given on another instance wakes it too); one
 * process-wide re-check covers missed signals for every waiter at once, instead of a timer
 * and a query per waiter.
 */
export async function waitForIntent(db: Db, principal: Principal, id: string, waitSeconds: number, signal?: AbortSignal) {
  const deadline = Date.now() + waitSeconds * 1000;
  let row = await getIntentRow(db, principal, id);
  if (!isTerminal(row.status)) startWaitingIntentsRecheck(db);
  while (!isTerminal(row.status) && Date.now() < deadline && !signal?.aborted) {
    if (!(await waitForIntentSignal(id, deadline - Date.now(), signal))) break;
    row = await getIntentRow(db, principal, id);
  }
  return serializeIntent(row);
}
