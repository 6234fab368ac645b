import type { UserPrincipal } from "@/lib/auth/principal";
import type { DbOrTx } from "@/lib/db/client";

/**
 * Id and name of the organisation's agents, by name: for pickers, labels and CSV columns.
 * `ids` narrows to those agents (another organisation's ids simply find nothing).
 */
export async function listAgentNames(
  db: DbOrTx,
  principal: UserPrincipal,
  opts: { ids?: string[]; take?: number } = {},
): Promise<{ id: string; name: string }[]> {
  return db.agent.findMany({
    where: { orgId: principal.orgId, ...(opts.ids ? { id: { in: opts.ids } } : {}) },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
    ...(opts.take ? { take: opts.take } : {}),
  });
}
