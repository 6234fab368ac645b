import type { Db } from "@/lib/db/client";
import { sqlOf } from "@/lib/db/sql";
import { env } from "@/lib/env";
import { waitedIntentIds, wakeIntents } from "@/lib/events/intent-events";
import { intervalJob } from "@/lib/jobs/interval-job";
import { TERMINAL_STATUSES } from "./intent-schemas";

/** Every database a long-poll waited on in this process (one in the app; tests may open more). */
const databases: Set<Db> = ((globalThis as { __aegisRecheckDbs?: Set<Db> }).__aegisRecheckDbs ??= new Set());

/**
 * The long-poll's safety net, one loop per process: however many requests wait, a single query
 * per database and pass finds those whose intent became terminal and wakes them. Signals (NOTIFY)
 * do the real work; this only covers a dropped LISTEN connection.
 */
const job = intervalJob("long-poll-recheck", async () => {
  const ids = waitedIntentIds();
  if (ids.length === 0) return;
  for (const db of databases) {
    const rows = await sqlOf(db)
      .selectFrom("intents")
      .select("id")
      .where("id", "in", ids)
      .where("status", "in", [...TERMINAL_STATUSES])
      .execute();
    wakeIntents(rows.map((r) => r.id));
  }
});

/** Starts the loop (once per process) and has it look at `db` too. */
export function startWaitingIntentsRecheck(db: Db): void {
  databases.add(db);
  job.start(env().AEGIS_LONGPOLL_RECHECK_MS); // how often, in case a signal was missed
}
