import { sql } from "kysely";
import type { DbOrTx } from "@/lib/db/client";
import { sqlOf } from "@/lib/db/sql";

/** At most this many categories are offered (the filter also takes any typed value). */
const MAX_CATEGORIES = 200;

/**
 * Choices for the intents filters: the organisation's agents and the categories in use.
 * The categories are a skip scan of the (org_id, merchant_category, …) index: one index probe
 * per distinct category, so the cost follows the number of categories, not of intents. Through
 * the typed layer, a prepared statement: planning it over every month's partition cost more
 * than running it (60 ms a page, planned afresh each time as an unnamed statement).
 */
export async function intentFilterOptions(db: DbOrTx, orgId: string) {
  const [agents, categories] = await Promise.all([
    db.agent.findMany({ where: { orgId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    sql<{ category: string }>`
      WITH RECURSIVE c(category) AS (
        (SELECT merchant_category FROM intents WHERE org_id = ${orgId} AND merchant_category IS NOT NULL ORDER BY merchant_category LIMIT 1)
        UNION ALL
        SELECT (SELECT i.merchant_category FROM intents i WHERE i.org_id = ${orgId} AND i.merchant_category > c.category ORDER BY i.merchant_category LIMIT 1)
        FROM c WHERE c.category IS NOT NULL
      )
      SELECT category FROM c WHERE category IS NOT NULL LIMIT ${MAX_CATEGORIES}`.execute(sqlOf(db)),
  ]);
  return { agents, categories: categories.rows.map((c) => c.category) };
}
