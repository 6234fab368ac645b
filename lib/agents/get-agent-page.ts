import { toLedgerLine } from "@/lib/ledger/ledger-line";
import { getAgent } from "@/lib/agents/get-agent";
import type { UserPrincipal } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import { listIntents } from "@/lib/intents/list-intents";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { can } from "@/lib/permissions/can";
import { getOrgCurrency } from "@/lib/organizations/get-org-currency";
import { spendPerDay } from "./spend-per-day";

/** The agent page's data: the API view of the agent plus its ledger, spend chart, intents and (admins) keys. */
export async function getAgentPage(db: Db, principal: UserPrincipal, agentId: string) {
  const agent = await getAgent(db, principal, agentId); // 404 for unknown or another org's
  const currency = agent.wallet?.currency ?? (await getOrgCurrency(db, principal.orgId));
  const [ledger, spend, intents, keys, waiting, override] = await Promise.all([
    // By the agent's wallet ids, so the (wallet_id, created_at) index serves it instead of the organisation's whole ledger.
    db.ledgerEntry.findMany({
      where: { orgId: principal.orgId, walletId: { in: await walletIds(db, principal.orgId, agent.id) } },
      include: { wallet: { select: { currency: true } } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 15,
    }),
    spendPerDay(db, principal.orgId, agent.id, currency, agent.spend.day.time_zone),
    listIntents(db, principal, { agent_id: agent.id, limit: 10 }),
    can(principal, "api_key.list", { orgId: principal.orgId })
      ? listApiKeys(db, principal, { orgId: principal.orgId, agentId: agent.id })
      : Promise.resolve(null),
    // What a suspension would leave waiting: the oldest few open approvals of this agent (and a capped count).
    // Read from the agent's intents awaiting a person (the (agent_id, status, created_at) index), not
    // from every open approval of the organisation: an intent is pending_approval exactly while its
    // approval is pending (both change in the transaction that answers or expires it).
    db.intent
      .findMany({
        where: { orgId: principal.orgId, agentId: agent.id, status: "pending_approval" },
        select: { id: true, merchant: true, amount: true, currency: true },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: 100,
      })
      .then((rows) => rows.map((intent) => ({ intent }))),
    agent.risk_override
      ? db.auditEvent.findFirst({
          where: { orgId: principal.orgId, targetType: "agent", targetId: agent.id, action: "agent.risk_override_set" },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          select: { actorLabel: true, createdAt: true, data: true },
        })
      : Promise.resolve(null),
  ]);
  return {
    agent,
    currency,
    spend,
    intents: intents.data,
    keys,
    waiting: {
      count: waiting.length,
      items: waiting
        .slice(0, 5)
        .map((w) => ({ intentId: w.intent.id, merchant: w.intent.merchant, amount: Number(w.intent.amount), currency: w.intent.currency })),
    },
    override: override && {
      by: override.actorLabel,
      at: override.createdAt.toISOString(),
      reason: ((override.data ?? {}) as { reason?: string | null }).reason ?? null,
    },
    ledger: ledger.map((e) => ({ ...toLedgerLine(e), currency: e.wallet.currency })),
  };
}

async function walletIds(db: Db, orgId: string, agentId: string): Promise<string[]> {
  return (await db.wallet.findMany({ where: { orgId, agentId }, select: { id: true } })).map((w) => w.id);
}
