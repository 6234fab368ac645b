import type { DbOrTx } from "@/lib/db/client";
import { AUDIT_EVENT_ID_PREFIX, INTENT_ID_PREFIX, LEDGER_ENTRY_ID_PREFIX, TIME_ORDERED_MARK } from "./ids";

/**
 * The tables partitioned by month on their time-ordered id (the monthly_partitions migration),
 * each with the id prefix its bounds are built from. Their DEFAULT partition (`<table>_default`)
 * holds the ids made before ids were time-ordered, and only those (a CHECK says so).
 */
export const PARTITIONED_TABLES = [
  { table: "intents", prefix: INTENT_ID_PREFIX },
  { table: "ledger_entries", prefix: LEDGER_ENTRY_ID_PREFIX },
  { table: "audit_events", prefix: AUDIT_EVENT_ID_PREFIX },
] as const;

/** How many months past the current one always have their partitions. */
export const MONTHS_AHEAD = 3;

/**
 * Creates the missing monthly partitions of the three tables from `from`'s month through
 * `monthsAhead` months past the current one (UTC months), in the database's own function
 * (aegis_ensure_month_partitions: idempotent, under a transaction advisory lock, so instances
 * starting together and PgBouncer in transaction mode are both fine). Returns the tables it made.
 */
export async function ensureMonthPartitions(db: DbOrTx, from: Date = new Date(), monthsAhead = MONTHS_AHEAD): Promise<string[]> {
  const [row] = await db.$queryRaw<{ made: string[] }[]>`SELECT aegis_ensure_month_partitions(${from}::timestamptz, ${monthsAhead}::int) AS made`;
  return row.made;
}

export type PartitionProblem = { table: string; problem: string };

/**
 * What is wrong with the partitions now: a month from the current one through `monthsAhead`
 * missing (a new row of that month could not be stored: its id fits no partition and the DEFAULT
 * refuses it), or a time-ordered id in DEFAULT (only if its CHECK was dropped: retention by
 * month would then miss that row).
 */
export async function partitionProblems(db: DbOrTx, monthsAhead = MONTHS_AHEAD): Promise<PartitionProblem[]> {
  const problems: PartitionProblem[] = [];
  const months = await db.$queryRaw<{ name: string }[]>`
    SELECT to_char(date_trunc('month', now() AT TIME ZONE 'UTC') + make_interval(months => n), 'YYYYMM') AS name
    FROM generate_series(0, ${monthsAhead}::int) n`;
  for (const { table, prefix } of PARTITIONED_TABLES) {
    for (const { name } of months) {
      const [{ exists }] = await db.$queryRaw<{ exists: boolean }[]>`SELECT to_regclass(${`${table}_p${name}`}) IS NOT NULL AS exists`;
      if (!exists) problems.push({ table, problem: `the partition for ${name.slice(0, 4)}-${name.slice(4)} is missing` });
    }
    const low = `${prefix}_${TIME_ORDERED_MARK}`;
    const high = `${prefix}_${String.fromCharCode(TIME_ORDERED_MARK.charCodeAt(0) + 1)}`;
    // Table names come from the constant above, never from input.
    const [{ n }] = await db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM "${table}_default" WHERE id >= $1 AND id < $2 LIMIT 1000) s`,
      low,
      high,
    );
    if (n > 0) problems.push({ table, problem: `${n}${n === 1000 ? "+" : ""} time-ordered rows are in ${table}_default` });
  }
  return problems;
}
