import type { Principal } from "@/lib/auth/principal";
import type { DbOrTx } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import { afterCursor, page } from "@/lib/api/keyset-cursor";
import { getOrgPolicy } from "@/lib/policies/get-org-policy";
import { getOrgTimeZone } from "@/lib/organizations/get-org-time-zone";
import { describeAgent } from "./describe-agent";

const withWallets = { wallets: { orderBy: { createdAt: "asc" as const } } };

/** Agents of the caller's organisation; an agent key sees only its own agent. */
function agentScope(principal: Principal) {
  return principal.kind === "agent" ? { orgId: principal.orgId, id: principal.agentId } : { orgId: principal.orgId };
}

export async function getAgent(db: DbOrTx, principal: Principal, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound("Agent");
  const agent = await db.agent.findFirst({ where: { ...agentScope(principal), id }, include: withWallets });
  if (!agent) throw notFound("Agent");
  return describeAgent(db, agent);
}

export async function listAgents(db: DbOrTx, principal: Principal, q: { limit: number; cursor?: string }) {
  const rows = await db.agent.findMany({
    where: { AND: [agentScope(principal), afterCursor(q.cursor)] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
    include: withWallets,
  });
  const p = page(rows, q.limit);
  const [{ policy }, timeZone] = await Promise.all([getOrgPolicy(db, principal.orgId), getOrgTimeZone(db, principal.orgId)]);
  const data = [];
  for (const agent of p.data) data.push(await describeAgent(db, agent, policy, timeZone));
  return { object: "list" as const, data, has_more: p.has_more, next_cursor: p.next_cursor };
}
