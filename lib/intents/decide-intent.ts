import type { Db } from "@/lib/db/client";
import { getDecisionSettings } from "@/lib/policies/get-decision-settings";
import { runDecision } from "./run-decision";
import type { IntentFacts } from "./write-decision";

/**
 * Decides one intent stored as `pending` (the recovery sweep's path; a new submit decides in
 * the transaction that inserts it). The intent row is claimed with FOR UPDATE SKIP LOCKED
 * and runDecision locks the agent row, so any instance's sweep and a late submitter never
 * decide the same intent twice, and one agent's intents see each other's spend.
 * Returns false when there was nothing to decide (already decided, or being decided).
 */
export async function decideIntent(db: Db, intentId: string, now = () => new Date()): Promise<boolean> {
  const [head] = await db.$queryRaw<{ org_id: string }[]>`SELECT org_id FROM intents WHERE id = ${intentId} AND status = 'pending'`;
  if (!head) return false;
  const settings = await getDecisionSettings(db, head.org_id);
  return db.$transaction(
    async (tx) => {
      const claimed = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM intents WHERE id = ${intentId} AND status = 'pending' FOR UPDATE SKIP LOCKED`;
      if (claimed.length === 0) return false;
      const row = await tx.intent.findUniqueOrThrow({ where: { id: intentId } });
      const intent: IntentFacts = { ...row, amount: Number(row.amount), metadata: (row.metadata ?? {}) as Record<string, unknown> };
      return (await runDecision(tx, { intent, submittedBy: null }, settings, now())) !== null;
    },
    { timeout: 15_000, maxWait: 10_000 },
  );
}
