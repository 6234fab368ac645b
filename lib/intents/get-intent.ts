import type { Principal } from "@/lib/auth/principal";
import type { DbOrTx } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import { waitForIntentSignal } from "@/lib/events/intent-events";
import { intentInclude, serializeIntent, type IntentRow } from "./serialize-intent";
import { TERMINAL_STATUSES } from "./intent-schemas";

/** Tenancy and agent scoping in one place: another organisation's or agent's intent is "not found". */
export function intentScope(principal: Principal) {
  return principal.kind === "agent" ? { orgId: principal.orgId, agentId: principal.agentId } : { orgId: principal.orgId };
}

export async function getIntentRow(db: DbOrTx, principal: Principal, id: string): Promise<IntentRow> {
  const row = await db.intent.findFirst({ where: { id, ...intentScope(principal) }, include: intentInclude });
  if (!row) throw notFound("Intent");
  return row;
}

export async function getIntent(db: DbOrTx, principal: Principal, id: string) {
  return serializeIntent(await getIntentRow(db, principal, id));
}

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
