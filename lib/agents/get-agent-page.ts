import { toLedgerLine } from "@/lib/ledger/ledger-line";
import { getAgent } from "@/lib/agents/get-agent";
import type { UserPrincipal } from "@/lib/auth/principal";
import type { DbOrTx } from "@/lib/db/client";
import { listIntents } from "@/lib/intents/list-intents";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { can } from "@/lib/permissions/can";
import { spendPerDay } from "./spend-per-day";

/** The agent page's data: the API view of the agent plus its ledger, spend chart, intents and (admins) keys. */
export async function getAgentPage(db: DbOrTx, principal: UserPrincipal, agentId: string) {
  const agent = await getAgent(db, principal, agentId); // 404 for unknown or another org's
  const currency = agent.wallet?.currency ?? "INR";
  const [ledger, spend, intents, keys] = await Promise.all([
    db.ledgerEntry.findMany({
      where: { orgId: principal.orgId, wallet: { agentId: agent.id } },
      include: { wallet: { select: { currency: true } } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 15,
    }),
    spendPerDay(db, principal.orgId, agent.id, currency, agent.spend.day.time_zone),
    listIntents(db, principal, { agent_id: agent.id, limit: 10 }),
    can(principal, "api_key.list", { orgId: principal.orgId }) ? listApiKeys(db, principal, { orgId: principal.orgId, agentId: agent.id }) : Promise.resolve(null),
  ]);
  return {
    agent,
    currency,
    spend,
    intents: intents.data,
    keys,
    ledger: ledger.map((e) => ({ ...toLedgerLine(e), currency: e.wallet.currency })),
  };
}
