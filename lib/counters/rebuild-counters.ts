import { sql } from "kysely";
import type { Db } from "@/lib/db/client";
import { sqlOf, sqlTransaction } from "@/lib/db/sql";
import { DAY_COLUMNS } from "./counter-sql";
import {
  recomputedAwaitingSettlementHoursSql,
  recomputedAwaitingSettlementSql,
  recomputedDayCountersSql,
  recomputedMinuteCountersSql,
  recomputedSpendDimensionsSql,
} from "./recompute-counters-sql";

const COLUMNS = sql.raw(DAY_COLUMNS.join(", "));

/**
 * Recomputes an organisation's counters from its intents (after a change of its time zone,
 * which moves every day boundary, or to repair drift that `counters check` reported).
 * The table lock makes concurrent changes wait for the rebuild, then apply their own
 * change on top of it, so none is lost or counted twice.
 */
export async function rebuildCounters(
  db: Db,
  orgIds?: string[],
): Promise<{ orgId: string; days: number; dimensions: number; minutes: number; awaiting: number }[]> {
  const ids = orgIds ?? (await sqlOf(db).selectFrom("organizations").select("id").orderBy("created_at").execute()).map((o) => o.id);
  const out = [];
  for (const orgId of ids) {
    const now = new Date();
    out.push(
      await sqlTransaction(db, async (tx) => {
        await sql`LOCK TABLE agent_day_counters, spend_dimension_counters, agent_minute_counters, awaiting_settlement_counters, awaiting_settlement_hours IN SHARE ROW EXCLUSIVE MODE`.execute(
          tx,
        );
        await tx.deleteFrom("agent_day_counters").where("org_id", "=", orgId).execute();
        const days = await sql`
          INSERT INTO agent_day_counters (agent_id, currency, day, org_id, ${COLUMNS})
          SELECT agent_id, currency, day, org_id, ${COLUMNS} FROM (${recomputedDayCountersSql(orgId)}) r`.execute(tx);
        await tx.deleteFrom("spend_dimension_counters").where("org_id", "=", orgId).execute();
        const dimensions = await sql`
          INSERT INTO spend_dimension_counters (agent_id, currency, day, dimension, key, org_id, spent)
          SELECT agent_id, currency, day, dimension, key, org_id, spent FROM (${recomputedSpendDimensionsSql(orgId)}) r`.execute(tx);
        await tx
          .deleteFrom("agent_minute_counters")
          .where("agent_id", "in", (q) => q.selectFrom("agents").select("id").where("org_id", "=", orgId))
          .execute();
        const minutes = await sql`
          INSERT INTO agent_minute_counters (agent_id, minute, intents)
          SELECT agent_id, minute, intents FROM (${recomputedMinuteCountersSql(orgId, now)}) r`.execute(tx);
        await tx.deleteFrom("awaiting_settlement_counters").where("org_id", "=", orgId).execute();
        const awaiting = await sql`
          INSERT INTO awaiting_settlement_counters (agent_id, currency, day, org_id, count, amount)
          SELECT agent_id, currency, day, org_id, count, amount FROM (${recomputedAwaitingSettlementSql(orgId)}) r`.execute(tx);
        await tx.deleteFrom("awaiting_settlement_hours").where("org_id", "=", orgId).execute();
        await sql`
          INSERT INTO awaiting_settlement_hours (agent_id, currency, hour, org_id, count, amount)
          SELECT agent_id, currency, hour, org_id, count, amount FROM (${recomputedAwaitingSettlementHoursSql(orgId)}) r`.execute(tx);
        return {
          orgId,
          awaiting: Number(awaiting.numAffectedRows ?? 0),
          days: Number(days.numAffectedRows ?? 0),
          dimensions: Number(dimensions.numAffectedRows ?? 0),
          minutes: Number(minutes.numAffectedRows ?? 0),
        };
      }),
    );
  }
  return out;
}
