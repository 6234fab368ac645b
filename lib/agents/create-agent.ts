import { describeAgent } from "@/lib/agents/describe-agent";
import type { AgentDto } from "@/lib/agents/agent-schemas";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { sqlTransaction } from "@/lib/db/sql";
import { newAgentId, newId } from "@/lib/db/ids";
import { postLedgerEntry } from "@/lib/ledger/post-ledger-entry";
import { CreateAgentSchema, type CreateAgentInput } from "@/lib/agents/agent-schemas";
import { assertCan } from "@/lib/permissions/can";
import { actorLabel, type Actor } from "@/lib/auth/principal";
import { assertWalletCurrency } from "@/lib/wallets/assert-wallet-currency";
import { getOrganizationOrThrow } from "@/lib/organizations/get-organization-or-throw";

/**
 * Registers an agent with its wallet (and opening balance), in the currency given or else
 * the organisation's (another currency is refused: assertWalletCurrency). Budgets come from the organisation's policy: a new agent has no
 * override, so the org rules apply.
 */
export async function createAgent(db: Db, actor: Actor, input: CreateAgentInput): Promise<AgentDto> {
  const data = CreateAgentSchema.parse(input);
  assertCan(actor, "agent.create", { orgId: data.orgId });
  const org = await getOrganizationOrThrow(db, data.orgId);
  const currency = data.currency ?? org.currency;
  assertWalletCurrency(currency, org.currency);
  const id = newAgentId();
  // The typed layer (a money verb: the opening balance is a ledger credit in the same transaction).
  await sqlTransaction(db, async (tx) => {
    const at = new Date();
    await tx
      .insertInto("agents")
      .values({ id, org_id: data.orgId, name: data.name, owner: data.owner ?? "", description: data.description ?? "", created_at: at })
      .execute();
    const walletId = newId("wal");
    await tx.insertInto("wallets").values({ id: walletId, org_id: data.orgId, agent_id: id, currency, created_at: at }).execute();
    if (data.initialBalance > 0) {
      await postLedgerEntry(tx, {
        orgId: data.orgId,
        walletId,
        kind: "credit",
        amount: data.initialBalance,
        memo: "Opening balance",
        actor: actorLabel(actor),
      });
    }
    await recordAuditEvent(tx, {
      orgId: data.orgId,
      actor,
      action: "agent.created",
      targetId: id,
      data: { name: data.name, owner: data.owner ?? "", currency, initial_balance: data.initialBalance },
    });
  });
  const agent = await db.agent.findUniqueOrThrow({ where: { id }, include: { wallets: { orderBy: { createdAt: "asc" } } } });
  return describeAgent(db, agent);
}
