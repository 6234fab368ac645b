import type { DbOrTx } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";

/**
 * The organisation's currency (ISO 4217): where a currency is not otherwise known (a new
 * agent's wallet, funding without one, amounts a person types) it is this one, never a
 * hard-coded fallback.
 */
export async function getOrgCurrency(db: DbOrTx, orgId: string): Promise<string> {
  const org = await db.organization.findUnique({ where: { id: orgId }, select: { currency: true } });
  if (!org) throw notFound("Organization");
  return org.currency;
}
