import { walletView } from "@/lib/agents/describe-agent";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { sqlTransaction } from "@/lib/db/sql";
import { newId } from "@/lib/db/ids";
import { postLedgerEntry } from "@/lib/ledger/post-ledger-entry";
import { FundWalletSchema, type FundWalletInput } from "@/lib/wallets/wallet-schemas";
import { assertCan } from "@/lib/permissions/can";
import { actorLabel, type Actor } from "@/lib/auth/principal";
import { getAgentOrThrow } from "@/lib/agents/get-agent-or-throw";
import { assertWalletCurrency } from "@/lib/wallets/assert-wallet-currency";
import { getOrgCurrency } from "@/lib/organizations/get-org-currency";

/**
 * Credits an agent's wallet. Without a currency, the agent's primary (oldest) wallet is
 * funded (an agent without any wallet gets one in the organisation's currency); a wallet in
 * the organisation's currency is opened on first funding (one in another currency is refused).
 */
export async function fundWallet(db: Db, actor: Actor, input: FundWalletInput) {
  const data = FundWalletSchema.parse(input);
  assertCan(actor, "wallet.fund", { orgId: data.orgId });
  const agent = await getAgentOrThrow(db, data.orgId, data.agentId);
  const primary = await db.wallet.findFirst({ where: { agentId: agent.id }, orderBy: { createdAt: "asc" } });
  const orgCurrency = await getOrgCurrency(db, data.orgId);
  const currency = data.currency ?? primary?.currency ?? orgCurrency;
  // Funding opens a wallet in a new currency, so that is where a foreign one is refused.
  if (currency !== orgCurrency && !(await db.wallet.findFirst({ where: { agentId: agent.id, currency }, select: { id: true } }))) {
    assertWalletCurrency(currency, orgCurrency);
  }

  return sqlTransaction(db, async (tx) => {
    // ON CONFLICT keeps two concurrent first fundings from both creating the wallet.
    await tx
      .insertInto("wallets")
      .values({ id: newId("wal"), org_id: data.orgId, agent_id: agent.id, currency, created_at: new Date() })
      .onConflict((oc) => oc.columns(["agent_id", "currency"]).doNothing())
      .execute();
    const wallet = await tx.selectFrom("wallets").select("id").where("agent_id", "=", agent.id).where("currency", "=", currency).executeTakeFirstOrThrow();
    const after = await postLedgerEntry(tx, {
      orgId: data.orgId,
      walletId: wallet.id,
      kind: "credit",
      amount: data.amount,
      memo: data.memo ?? "Wallet funded",
      actor: actorLabel(actor),
    });
    await recordAuditEvent(tx, {
      orgId: data.orgId,
      actor,
      action: "wallet.funded",
      targetId: agent.id,
      data: { wallet_id: wallet.id, amount: data.amount, currency, memo: data.memo ?? null },
    });
    return walletView({ currency, balance: after.balance, held: after.held, lowBalanceThreshold: after.threshold });
  });
}
