import type { Db } from "@/lib/db/client";
import { sqlOf } from "@/lib/db/sql";
import { keptMinutesFromSql } from "./recompute-counters-sql";

/** Drops velocity buckets too old for the rolling hour (the sweep runs this). */
export async function pruneMinuteCounters(db: Db, now = new Date()): Promise<number> {
  const r = await sqlOf(db).deleteFrom("agent_minute_counters").where("minute", "<", keptMinutesFromSql(now)).executeTakeFirst();
  return Number(r.numDeletedRows);
}
