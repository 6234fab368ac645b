import { walletView } from "@/lib/agents/describe-agent";
import { getAgentOrThrow } from "@/lib/agents/get-agent-or-throw";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import { assertCan } from "@/lib/permissions/can";
import { SetLowBalanceThresholdSchema, type SetLowBalanceThresholdInput } from "./wallet-schemas";

/**
 * Sets (or with null, turns off) the low-balance threshold of an agent's wallet in `currency`,
 * or of its primary wallet. Setting it below the current available balance arms it; setting it
 * above sends nothing now (no debit crossed it), the next crossing does.
 */
export async function setLowBalanceThreshold(db: Db, actor: Actor, input: SetLowBalanceThresholdInput) {
  const data = SetLowBalanceThresholdSchema.parse(input);
  assertCan(actor, "wallet.set_threshold", { orgId: data.orgId });
  const agent = await getAgentOrThrow(db, data.orgId, data.agentId);
  return db.$transaction(async (tx) => {
    // Locked so two admins changing it at once record a truthful "previous".
    const [wallet] = await tx.$queryRaw<{ id: string; currency: string; low_balance_threshold: bigint | null }[]>`
      SELECT id, currency, low_balance_threshold FROM wallets
      WHERE org_id = ${data.orgId} AND agent_id = ${agent.id}::uuid AND (${data.currency ?? null}::text IS NULL OR currency = ${data.currency ?? null})
      ORDER BY created_at ASC, id ASC LIMIT 1 FOR UPDATE`;
    if (!wallet) throw notFound("Wallet");
    const previous = wallet.low_balance_threshold === null ? null : Number(wallet.low_balance_threshold);
    if (previous !== data.threshold) {
      await tx.wallet.updateMany({
        where: { id: wallet.id, orgId: data.orgId },
        data: { lowBalanceThreshold: data.threshold === null ? null : BigInt(data.threshold) },
      });
      await recordAuditEvent(tx, {
        orgId: data.orgId,
        actor,
        action: "wallet.low_balance_threshold_set",
        targetId: agent.id,
        data: { wallet_id: wallet.id, currency: wallet.currency, previous, threshold: data.threshold },
      });
    }
    return walletView(await tx.wallet.findUniqueOrThrow({ where: { id: wallet.id } }));
  });
}
