import { getDb } from "@/lib/db/client";
import { ensureMonthPartitions, MONTHS_AHEAD, partitionProblems } from "@/lib/db/partitions";
import { env } from "@/lib/env";
import { intervalJob } from "./interval-job";

/**
 * One pass: create the monthly partitions of intents, ledger entries and audit events up to
 * MONTHS_AHEAD months past the current one, then check them. Every instance runs it; the
 * database function takes an advisory lock and skips what exists, so they never race. A problem
 * is logged as an error on every pass (and thrown, so the caller sees it), because a month left
 * without its partition refuses that month's submits.
 */
export async function runPartitionPass(now = new Date()): Promise<{ made: string[]; problems: string[] }> {
  const db = await getDb();
  // From last month, like the migration: an event recorded at an earlier time carries it in its id.
  const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const made = await ensureMonthPartitions(db, lastMonth, MONTHS_AHEAD);
  if (made.length) console.log(`[jobs] partitions created: ${made.join(", ")}`);
  const problems = (await partitionProblems(db, MONTHS_AHEAD)).map((p) => `${p.table}: ${p.problem}`);
  for (const p of problems) console.error(`[jobs] PARTITION PROBLEM ${p}`);
  return { made, problems };
}

const job = intervalJob("partitions", async () => {
  const { problems } = await runPartitionPass();
  if (problems.length) throw new Error(`${problems.length} partition problem(s): ${problems.join("; ")}`);
});

/** At start (a fresh database may have been migrated in an earlier month) and hourly after that. */
export const startPartitionJob = () => job.start(env().AEGIS_PARTITION_INTERVAL_MS, { runAtStart: true });
export const stopPartitionJob = job.stop;
