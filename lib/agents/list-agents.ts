import type { Principal } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import { afterCursor, page } from "@/lib/api/keyset-cursor";
import { isUuid } from "@/lib/db/ids";
import { readScope } from "@/lib/permissions/read-scope";
import { describeAgents } from "./describe-agent";
import { withWallets } from "./get-agent";

/** Agents of the caller's organisation, newest first; an agent key sees only its own agent. Risk and counts come from counters, one query per page. */
export async function listAgents(db: Db, principal: Principal, q: { limit: number; cursor?: string }) {
  const rows = await db.agent.findMany({
    where: { AND: [readScope.agents(principal), afterCursor(q.cursor, isUuid)] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
    include: withWallets,
  });
  const p = page(rows, q.limit);
  const data = await describeAgents(db, principal.orgId, p.data);
  return { object: "list" as const, data, has_more: p.has_more, next_cursor: p.next_cursor };
}
