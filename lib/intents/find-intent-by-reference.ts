import type { UserPrincipal } from "@/lib/auth/principal";
import type { DbOrTx } from "@/lib/db/client";

/**
 * The organisation's intent named by its own id (int_…) or by its approval's id (apr_…), or
 * null: what the dashboard's search box and a page title need, without the whole detail.
 * Two primary-key lookups: one OR across the join made PostgreSQL scan every intent.
 */
export async function findIntentByReference(db: DbOrTx, principal: UserPrincipal, reference: string): Promise<{ id: string; merchant: string | null } | null> {
  if (!reference) return null;
  const select = { id: true, merchant: true } as const;
  const byId = await db.intent.findFirst({ where: { id: reference, orgId: principal.orgId }, select });
  if (byId) return byId;
  const approval = await db.approval.findFirst({ where: { id: reference, orgId: principal.orgId }, select: { intent: { select } } });
  return approval?.intent ?? null;
}
