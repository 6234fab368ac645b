import type { DbOrTx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { waitedIntentIds, wakeIntents } from "@/lib/events/intent-events";
import { TERMINAL_STATUSES } from "./intent-schemas";

const holder = globalThis as { __aegisRecheck?: NodeJS.Timeout };

/**
 * The long-poll's safety net, one per process: however many requests wait, a single query
 * per tick finds those whose intent became terminal and wakes them. Signals (NOTIFY) do
 * the real work; this only covers a dropped LISTEN connection.
 */
export function startWaitingIntentsRecheck(db: DbOrTx): void {
  if (holder.__aegisRecheck) return;
  holder.__aegisRecheck = setInterval(() => {
    const ids = waitedIntentIds();
    if (ids.length === 0) return;
    db.$queryRaw<{ id: string }[]>`
      SELECT id FROM intents WHERE id = ANY(${ids}::text[]) AND status::text = ANY(${[...TERMINAL_STATUSES]}::text[])`
      .then((rows) => wakeIntents(rows.map((r) => r.id)))
      .catch((e: unknown) => console.warn("[long-poll] re-check failed:", (e as Error).message));
  }, env().AEGIS_LONGPOLL_RECHECK_MS); // how often, in case a signal was missed
  holder.__aegisRecheck.unref();
}
