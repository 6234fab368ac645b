import type { Principal } from "@/lib/auth/principal";
import type { DbOrTx } from "@/lib/db/client";
import { looksLikeId } from "@/lib/db/ids";
import { notFound } from "@/lib/errors/app-error";
import { readScope } from "@/lib/permissions/read-scope";
import { intentInclude, serializeIntent, type IntentRow } from "./serialize-intent";

/** The intent row within the caller's read scope (another organisation's or agent's is "not found"). */
export async function getIntentRow(db: DbOrTx, principal: Principal, id: string): Promise<IntentRow> {
  if (!looksLikeId(id)) throw notFound("Intent");
  // AND, never a spread: the requested id must not widen the caller's scope.
  const row = await db.intent.findFirst({ where: { AND: [readScope.intents(principal), { id }] }, include: intentInclude });
  if (!row) throw notFound("Intent");
  return row;
}

export async function getIntent(db: DbOrTx, principal: Principal, id: string) {
  return serializeIntent(await getIntentRow(db, principal, id));
}
