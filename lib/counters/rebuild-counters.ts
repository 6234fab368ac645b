import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { DAY_COLUMNS } from "./counter-sql";
import { recomputedDayCountersSql, recomputedMinuteCountersSql } from "./recompute-counters-sql";

const COLUMNS = Prisma.raw(DAY_COLUMNS.join(", "));

/**
 * Recomputes an organisation's counters from its intents (after a change of its time zone,
 * which moves every day boundary, or to repair drift that `counters check` reported).
 * The table lock makes concurrent changes wait for the rebuild, then apply their own
 * change on top of it, so none is lost or counted twice.
 */
export async function rebuildCounters(db: Db, orgIds?: string[]): Promise<{ orgId: string; days: number; minutes: number }[]> {
  const ids = orgIds ?? (await db.organization.findMany({ select: { id: true }, orderBy: { createdAt: "asc" } })).map((o) => o.id);
  const out = [];
  for (const orgId of ids) {
    const now = new Date();
    out.push(
      await db.$transaction(
        async (tx) => {
          await tx.$executeRaw`LOCK TABLE agent_day_counters, agent_minute_counters IN SHARE ROW EXCLUSIVE MODE`;
          await tx.$executeRaw`DELETE FROM agent_day_counters WHERE org_id = ${orgId}`;
          const days = await tx.$executeRaw`
            INSERT INTO agent_day_counters (agent_id, currency, day, org_id, ${COLUMNS})
            SELECT agent_id, currency, day, org_id, ${COLUMNS} FROM (${recomputedDayCountersSql(orgId)}) r`;
          await tx.$executeRaw`DELETE FROM agent_minute_counters WHERE agent_id IN (SELECT id FROM agents WHERE org_id = ${orgId})`;
          const minutes = await tx.$executeRaw`
            INSERT INTO agent_minute_counters (agent_id, minute, intents) SELECT agent_id, minute, intents FROM (${recomputedMinuteCountersSql(orgId, now)}) r`;
          return { orgId, days, minutes };
        },
        { timeout: 600_000, maxWait: 60_000 },
      ),
    );
  }
  return out;
}
