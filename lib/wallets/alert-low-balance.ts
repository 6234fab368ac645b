import type { SqlTx } from "@/lib/db/sql";
import { formatMoney } from "@/lib/format/money";
import { notifyUsers } from "@/lib/notifications/notify-users";
import { enqueueEvent } from "@/lib/webhooks/enqueue-event";

export type LowBalanceCrossing = {
  orgId: string;
  walletId: string;
  agentId: string;
  currency: string;
  balance: number;
  held: number;
  threshold: number;
  intentId: string | null;
  ledgerEntryId: string;
};

/**
 * A wallet's available balance just fell below its threshold (lowBalanceCrossed decides that):
 * the `wallet.low_balance` webhook event and a notification to the organisation's admins, both
 * in the transaction that moved the money, so a rolled-back debit tells nobody. Runs only on a
 * crossing, so the decide path pays for it once per crossing, never per debit.
 */
export async function alertLowBalance(tx: SqlTx, c: LowBalanceCrossing): Promise<void> {
  const agent = await tx.selectFrom("agents").select("name").where("id", "=", c.agentId).executeTakeFirstOrThrow();
  const available = c.balance - c.held;
  await enqueueEvent(tx, {
    orgId: c.orgId,
    type: "wallet.low_balance",
    data: {
      wallet_id: c.walletId,
      agent: { id: c.agentId, name: agent.name },
      currency: c.currency,
      available,
      threshold: c.threshold,
      balance: c.balance,
      held: c.held,
      intent_id: c.intentId,
      ledger_entry_id: c.ledgerEntryId,
    },
  });
  const money = (n: number) => formatMoney(n, c.currency);
  await notifyUsers(tx, {
    orgId: c.orgId,
    kind: "wallet_low_balance",
    // One per crossing: a wallet that is funded and falls again notifies again.
    subjectId: `${c.walletId}@${c.ledgerEntryId}`,
    title: `Low balance: ${agent.name} has ${money(available)} available`,
    body: `The ${c.currency} wallet of ${agent.name} fell below its low-balance threshold of ${money(c.threshold)} (balance ${money(c.balance)}, ${money(c.held)} held). Fund it on the agent's page.`,
    path: `/agents/${c.agentId}`,
    audience: "admin",
  });
}
