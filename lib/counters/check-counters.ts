import { sql, type RawBuilder } from "kysely";
import type { Db } from "@/lib/db/client";
import { sqlFrom, type SqlDb, type SqlTx } from "@/lib/db/sql";
import { DAY_COLUMNS } from "./counter-sql";
import {
  keptMinutesFromSql,
  recomputedAwaitingSettlementHoursSql,
  recomputedAwaitingSettlementSql,
  recomputedDayCountersSql,
  recomputedMinuteCountersSql,
  recomputedSpendDimensionsSql,
} from "./recompute-counters-sql";

export type CounterDrift = {
  kind: "day" | "dimension" | "minute" | "awaiting" | "awaiting_hour";
  agentId: string;
  key: string;
  stored: Record<string, number>;
  recomputed: Record<string, number>;
};

const differs = sql.raw(DAY_COLUMNS.map((c) => `COALESCE(s.${c}, 0) <> COALESCE(r.${c}, 0)`).join(" OR "));
const pick = (alias: string) => sql.raw(`json_build_object(${DAY_COLUMNS.map((c) => `'${c}', COALESCE(${alias}.${c}, 0)`).join(", ")})`);

/**
 * Compares an organisation's stored counters with a recomputation from its intents and
 * lists every difference (none when they agree). Read-only; `rebuildCounters` repairs.
 * Run it when nothing writes, or expect in-flight changes to show up as drift.
 */
export async function checkCounters(db: Db | SqlTx, orgId: string, now = new Date()): Promise<CounterDrift[]> {
  const q = sqlFrom(db);
  const { rows: days } = await sql<{ agent_id: string; day: string; stored: Record<string, number>; recomputed: Record<string, number> }>`
    WITH s AS (SELECT * FROM agent_day_counters WHERE org_id = ${orgId}), r AS (${recomputedDayCountersSql(orgId)})
    SELECT COALESCE(s.agent_id, r.agent_id)::text AS agent_id, to_char(COALESCE(s.day, r.day), 'YYYY-MM-DD') || ' ' || COALESCE(s.currency, r.currency) AS day,
      ${pick("s")} AS stored, ${pick("r")} AS recomputed
    FROM s FULL JOIN r ON s.agent_id = r.agent_id AND s.currency = r.currency AND s.day = r.day
    WHERE ${differs}
    ORDER BY 1, 2`.execute(q);
  const { rows: dims } = await sql<{ agent_id: string; key: string; stored: number; recomputed: number }>`
    WITH s AS (SELECT * FROM spend_dimension_counters WHERE org_id = ${orgId}), r AS (${recomputedSpendDimensionsSql(orgId)})
    SELECT COALESCE(s.agent_id, r.agent_id)::text AS agent_id,
      to_char(COALESCE(s.day, r.day), 'YYYY-MM-DD') || ' ' || COALESCE(s.currency, r.currency) || ' ' || COALESCE(s.dimension, r.dimension) || ' ' || COALESCE(s.key, r.key) AS key,
      COALESCE(s.spent, 0)::float8 AS stored, COALESCE(r.spent, 0)::float8 AS recomputed
    FROM s FULL JOIN r ON s.agent_id = r.agent_id AND s.currency = r.currency AND s.day = r.day AND s.dimension = r.dimension AND s.key = r.key
    WHERE COALESCE(s.spent, 0) <> COALESCE(r.spent, 0)
    ORDER BY 1, 2`.execute(q);
  const { rows: minutes } = await sql<{ agent_id: string; minute: Date; stored: number; recomputed: number }>`
    WITH r AS (${recomputedMinuteCountersSql(orgId, now)}),
    s AS (SELECT m.* FROM agent_minute_counters m JOIN agents a ON a.id = m.agent_id WHERE a.org_id = ${orgId} AND m.minute >= ${keptMinutesFromSql(now)})
    SELECT COALESCE(s.agent_id, r.agent_id)::text AS agent_id, COALESCE(s.minute, r.minute) AS minute,
      COALESCE(s.intents, 0) AS stored, COALESCE(r.intents, 0) AS recomputed
    FROM s FULL JOIN r ON s.agent_id = r.agent_id AND s.minute = r.minute
    WHERE COALESCE(s.intents, 0) <> COALESCE(r.intents, 0)`.execute(q);
  const awaiting = await awaitingDrift(q, "awaiting_settlement_counters", "day", "YYYY-MM-DD", recomputedAwaitingSettlementSql(orgId), orgId);
  const hours = await awaitingDrift(q, "awaiting_settlement_hours", "hour", 'YYYY-MM-DD"T"HH24', recomputedAwaitingSettlementHoursSql(orgId), orgId);
  return [
    ...hours.map((a) => ({ kind: "awaiting_hour" as const, agentId: a.agent_id, key: a.key, stored: a.stored, recomputed: a.recomputed })),
    ...awaiting.map((a) => ({ kind: "awaiting" as const, agentId: a.agent_id, key: a.key, stored: a.stored, recomputed: a.recomputed })),
    ...days.map((d) => ({ kind: "day" as const, agentId: d.agent_id, key: d.day, stored: d.stored, recomputed: d.recomputed })),
    ...dims.map((d) => ({
      kind: "dimension" as const,
      agentId: d.agent_id,
      key: d.key,
      stored: { spent: Number(d.stored) },
      recomputed: { spent: Number(d.recomputed) },
    })),
    ...minutes.map((m) => ({
      kind: "minute" as const,
      agentId: m.agent_id,
      key: new Date(m.minute).toISOString(),
      stored: { intents: m.stored },
      recomputed: { intents: m.recomputed },
    })),
  ];
}

/** Differences between stored awaiting-settlement counters (by day or by hour) and their recomputation. */
async function awaitingDrift(q: SqlDb, table: string, unit: "day" | "hour", format: string, recomputed: RawBuilder<unknown>, orgId: string) {
  const [t, u] = [sql.table(table), sql.ref(`s.${unit}`)];
  const { rows } = await sql<{ agent_id: string; key: string; stored: Record<string, number>; recomputed: Record<string, number> }>`
    WITH s AS (SELECT * FROM ${t} WHERE org_id = ${orgId}), r AS (${recomputed})
    SELECT COALESCE(s.agent_id, r.agent_id)::text AS agent_id,
      to_char(COALESCE(${u}, ${sql.ref(`r.${unit}`)}), ${format}) || ' ' || COALESCE(s.currency, r.currency) AS key,
      json_build_object('count', COALESCE(s.count, 0), 'amount', COALESCE(s.amount, 0)) AS stored,
      json_build_object('count', COALESCE(r.count, 0), 'amount', COALESCE(r.amount, 0)) AS recomputed
    FROM s FULL JOIN r ON s.agent_id = r.agent_id AND s.currency = r.currency AND ${u} = ${sql.ref(`r.${unit}`)}
    WHERE COALESCE(s.count, 0) <> COALESCE(r.count, 0) OR COALESCE(s.amount, 0) <> COALESCE(r.amount, 0)
    ORDER BY 1, 2`.execute(q);
  return rows;
}
