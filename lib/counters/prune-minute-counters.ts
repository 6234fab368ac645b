import type { Db } from "@/lib/db/client";
import { keptMinutesFromSql } from "./recompute-counters-sql";

/** Drops velocity buckets too old for the rolling hour (the sweep runs this). */
export async function pruneMinuteCounters(db: Db, now = new Date()): Promise<number> {
  return db.$executeRaw`DELETE FROM agent_minute_counters WHERE minute < ${keptMinutesFromSql(now)}`;
}
