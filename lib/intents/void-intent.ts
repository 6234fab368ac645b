import type { Actor } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import { sqlTransaction } from "@/lib/db/sql";
import { assertCan } from "@/lib/permissions/can";
import { assertAgentMaySettle } from "@/lib/rails/assert-agent-may-settle";
import { getIntent, getIntentRow } from "./get-intent";
import type { VoidIntentInput } from "./intent-schemas";
import { settleApprovedIntent } from "./settle-approved-intent";

/** The agent reports that an approved intent paid nothing: all of it returns to the wallet. */
export async function voidIntent(db: Db, principal: Actor, id: string, input: VoidIntentInput) {
  assertCan(principal, "intent.settle");
  const row = await getIntentRow(db, principal, id);
  assertCan(principal, "intent.settle", row);
  await assertAgentMaySettle(db, principal, row.orgId);
  await sqlTransaction(db, (tx) => settleApprovedIntent(tx, row.id, { kind: "void", reason: input.reason }, principal));
  return getIntent(db, principal, row.id);
}
