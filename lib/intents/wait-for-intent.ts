import type { Principal } from "@/lib/auth/principal";
import type { DbOrTx } from "@/lib/db/client";
import { waitForIntentSignal } from "@/lib/events/intent-events";
import { getIntentRow } from "./get-intent";
import { TERMINAL_STATUSES } from "./intent-schemas";
import { serializeIntent } from "./serialize-intent";

const isTerminal = (status: string) => (TERMINAL_STATUSES as readonly string[]).includes(status);
/** Re-read at least this often while waiting, in case a signal was missed. */
const SAFETY_RECHECK_MS = Number(process.env.AEGIS_LONGPOLL_RECHECK_MS ?? 2_000);

/**
 * Long-poll: answers as soon as the intent is terminal or `waitSeconds` have passed. Woken
 * by the database's NOTIFY (so an approval given on another instance wakes it too).
 */
export async function waitForIntent(db: DbOrTx, principal: Principal, id: string, waitSeconds: number, signal?: AbortSignal) {
  const deadline = Date.now() + waitSeconds * 1000;
  let row = await getIntentRow(db, principal, id);
  while (!isTerminal(row.status) && Date.now() < deadline && !signal?.aborted) {
    await waitForIntentSignal(id, Math.min(deadline - Date.now(), SAFETY_RECHECK_MS), signal);
    row = await getIntentRow(db, principal, id);
  }
  return serializeIntent(row);
}
