import type { Principal } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import { isUuid } from "@/lib/db/ids";
import { readScope } from "@/lib/permissions/read-scope";
import { describeAgent } from "./describe-agent";

export const withWallets = { wallets: { orderBy: { createdAt: "asc" as const } } };

/** One agent of the caller's organisation (an agent key: only its own); anything else is a 404. */
export async function getAgent(db: Db, principal: Principal, id: string) {
  if (!isUuid(id)) throw notFound("Agent");
  // AND, never a spread: the requested id must not replace an agent key's own-agent scope.
  const agent = await db.agent.findFirst({ where: { AND: [readScope.agents(principal), { id }] }, include: withWallets });
  if (!agent) throw notFound("Agent");
  return describeAgent(db, agent);
}
