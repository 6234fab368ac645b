import type { Actor } from "@/lib/auth/principal";
import type { DbOrTx } from "@/lib/db/client";
import { looksLikeId } from "@/lib/db/ids";
import { notFound } from "@/lib/errors/app-error";
import { readScope } from "@/lib/permissions/read-scope";
import { intentInclude, serializeIntent, type IntentRow } from "./serialize-intent";

/**
 * The intent row within the caller's read scope (another organisation's or agent's is "not
 * found"). The "system" actor (the CLI) reads across organisations, as its other commands do.
 */
export async function getIntentRow(db: DbOrTx, principal: Actor, id: string): Promise<IntentRow> {
  if (!looksLikeId(id)) throw notFound("Intent");
  // AND, never a spread: the requested id must not widen the caller's scope.
  const where = principal === "system" ? { id } : { AND: [readScope.intents(principal), { id }] };
  const row = await db.intent.findFirst({ where, include: intentInclude });
  if (!row) throw notFound("Intent");
  return row;
}

export async function getIntent(db: DbOrTx, principal: Actor, id: string) {
  return serializeIntent(await getIntentRow(db, principal, id));
}
