import { sql, type RawBuilder } from "kysely";
import type { CounterDelta } from "./counter-delta";

/** Every counted column of a day row, in the order `upsertDayCountersSql` writes them. */
export const DAY_COLUMNS = [
  "spent",
  "pending",
  "pending_approval",
  "approved",
  "denied",
  "expired",
  "low_confidence",
  "rejected",
  "approved_amount",
  "captured_amount",
  "returned_amount",
  "captured",
  "partial",
  "voided",
] as const;

const ADD_EXCLUDED = sql.raw(DAY_COLUMNS.map((c) => `${c} = c.${c} + EXCLUDED.${c}`).join(", "));

/**
 * The calendar day, in time zone `tz`, of a `timestamp` column (Prisma stores DateTime as
 * UTC wall-clock time without a zone). Writes, reads and the rebuild all key days this way.
 */
export const localDaySql = (column: RawBuilder<unknown>, tz: RawBuilder<unknown> | string) =>
  sql<Date>`((${column} AT TIME ZONE 'UTC') AT TIME ZONE ${tz})::date`;

/** Today in `tz` at instant `now` (a parameter), as a date. */
export const todaySql = (now: Date, tz: string) => sql<Date>`((${now.toISOString()}::timestamptz) AT TIME ZONE ${tz})::date`;

/**
 * Adds `d` to the day-counter row of every intent `source` yields (columns agent_id,
 * currency, created_at, org_id, time_zone), creating the row on first use.
 */
export function upsertDayCountersSql(source: RawBuilder<unknown>, d: CounterDelta) {
  return sql`
    INSERT INTO agent_day_counters AS c (agent_id, currency, day, org_id, ${sql.raw(DAY_COLUMNS.join(", "))})
    SELECT s.agent_id, s.currency, ${localDaySql(sql`s.created_at`, sql`s.time_zone`)}, s.org_id,
      ${d.spent}::bigint, ${d.pending}::int, ${d.pendingApproval}::int, ${d.approved}::int, ${d.denied}::int, ${d.expired}::int,
      ${d.lowConfidence}::int, ${d.rejected}::int, ${d.approvedAmount}::bigint, ${d.capturedAmount}::bigint, ${d.returnedAmount}::bigint,
      ${d.captured}::int, ${d.partial}::int, ${d.voided}::int
    FROM (${source}) s
    ON CONFLICT (agent_id, currency, day) DO UPDATE SET ${ADD_EXCLUDED}`;
}

/** The dimensions spend is also counted by (spend_dimension_counters.dimension). */
export const SPEND_DIMENSIONS = ["category", "merchant"] as const;
export type SpendDimension = (typeof SPEND_DIMENSIONS)[number];

/** An intent's key in each dimension: "" stands for "none given", so the row still adds up to the day's spend. */
const dimensionKeySql = (alias: string) =>
  sql.raw(`CASE d.dimension WHEN 'category' THEN COALESCE(${alias}.merchant_category, '') ELSE COALESCE(${alias}.merchant, '') END`);

/**
 * Adds `spent` to the by-category and by-merchant rows of every intent `source` yields (the
 * columns of upsertDayCountersSql plus merchant and merchant_category). Called wherever the
 * day row's `spent` moves, with the same amount, so the dimensions always sum to the day.
 */
export function upsertSpendDimensionsSql(source: RawBuilder<unknown>, spent: number) {
  return sql`
    INSERT INTO spend_dimension_counters AS c (agent_id, currency, day, dimension, key, org_id, spent)
    SELECT s.agent_id, s.currency, ${localDaySql(sql`s.created_at`, sql`s.time_zone`)}, d.dimension, ${dimensionKeySql("s")}, s.org_id, ${spent}::bigint
    FROM (${source}) s CROSS JOIN (VALUES ('category'), ('merchant')) d (dimension)
    ON CONFLICT (agent_id, currency, day, dimension, key) DO UPDATE SET spent = c.spent + EXCLUDED.spent`;
}

/** The dimension key of intent `i` for a cross join with `(VALUES …) d (dimension)`; the rebuild and check use it too. */
export const intentDimensionKeySql = () => dimensionKeySql("i");

/** Counts each intent `source` yields (columns agent_id, created_at) in its minute's velocity bucket. */
export function upsertMinuteCountersSql(source: RawBuilder<unknown>) {
  return sql`
    INSERT INTO agent_minute_counters AS m (agent_id, minute, intents)
    SELECT s.agent_id, date_trunc('minute', s.created_at), 1 FROM (${source}) s
    ON CONFLICT (agent_id, minute) DO UPDATE SET intents = m.intents + EXCLUDED.intents`;
}

/** The intent with its organisation's time zone, as the source of a counter upsert. */
export const intentSourceSql = (intentId: string) => sql`
  SELECT i.agent_id, i.currency, i.created_at, i.org_id, o.time_zone, i.merchant, i.merchant_category
  FROM intents i JOIN organizations o ON o.id = i.org_id WHERE i.id = ${intentId}`;
