import type { DbOrTx } from "@/lib/db/client";

/** Choices for the intents filters: the organisation's agents and the categories in use. */
export async function intentFilterOptions(db: DbOrTx, orgId: string) {
  const [agents, categories] = await Promise.all([
    db.agent.findMany({ where: { orgId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.intent.findMany({
      where: { orgId, merchantCategory: { not: null } },
      distinct: ["merchantCategory"],
      select: { merchantCategory: true },
      orderBy: { merchantCategory: "asc" },
      take: 200,
    }),
  ]);
  return { agents, categories: categories.map((c) => c.merchantCategory!).filter(Boolean) };
}
