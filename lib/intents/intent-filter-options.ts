import type { DbOrTx } from "@/lib/db/client";

/** At most this many categories are offered (the filter also takes any typed value). */
const MAX_CATEGORIES = 200;

/**
 * Choices for the intents filters: the organisation's agents and the categories in use.
 * The categories are a skip scan of the (org_id, merchant_category, …) index: one index probe
 * per distinct category, so the cost follows the number of categories, not of intents.
 */
export async function intentFilterOptions(db: DbOrTx, orgId: string) {
  const [agents, categories] = await Promise.all([
    db.agent.findMany({ where: { orgId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.$queryRaw<{ category: string }[]>`
      WITH RECURSIVE c(category) AS (
        (SELECT merchant_category FROM intents WHERE org_id = ${orgId} AND merchant_category IS NOT NULL ORDER BY merchant_category LIMIT 1)
        UNION ALL
        SELECT (SELECT i.merchant_category FROM intents i WHERE i.org_id = ${orgId} AND i.merchant_category > c.category ORDER BY i.merchant_category LIMIT 1)
        FROM c WHERE c.category IS NOT NULL
      )
      SELECT category FROM c WHERE category IS NOT NULL LIMIT ${MAX_CATEGORIES}`,
  ]);
  return { agents, categories: categories.map((c) => c.category) };
}
