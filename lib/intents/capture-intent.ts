import type { Actor } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import { sqlTransaction } from "@/lib/db/sql";
import { assertCan } from "@/lib/permissions/can";
import { assertAgentMaySettle } from "@/lib/rails/assert-agent-may-settle";
import { getIntent, getIntentRow } from "./get-intent";
import type { CaptureIntentInput } from "./intent-schemas";
import { settleApprovedIntent } from "./settle-approved-intent";

/**
 * The agent reports what it actually paid for an approved intent (at most the approved
 * amount; the rest goes back to the wallet). An agent key settles only its own agent's
 * intents (others are not found); people need a role that acts (approver or admin); the CLI
 * acts as "system" (an operator's capture, audited as such and not marked automatic).
 */
export async function captureIntent(db: Db, principal: Actor, id: string, input: CaptureIntentInput) {
  assertCan(principal, "intent.settle");
  const row = await getIntentRow(db, principal, id);
  assertCan(principal, "intent.settle", row);
  await assertAgentMaySettle(db, principal, row.orgId);
  await sqlTransaction(db, (tx) => settleApprovedIntent(tx, row.id, { kind: "capture", amount: input.amount, memo: input.memo }, principal));
  return getIntent(db, principal, row.id);
}
