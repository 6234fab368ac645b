import type { UserPrincipal } from "@/lib/auth/principal";
import type { DbOrTx } from "@/lib/db/client";

/**
 * The organisation's intent named by its own id (int_…) or by its approval's id (apr_…), or
 * null: what the dashboard's search box and a page title need, without the whole detail.
 */
export async function findIntentByReference(db: DbOrTx, principal: UserPrincipal, reference: string): Promise<{ id: string; merchant: string | null } | null> {
  if (!reference) return null;
  return db.intent.findFirst({
    where: { orgId: principal.orgId, OR: [{ id: reference }, { approval: { id: reference } }] },
    select: { id: true, merchant: true },
  });
}
