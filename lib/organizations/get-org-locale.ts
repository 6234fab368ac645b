import type { DbOrTx } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";

export type OrgLocale = { timeZone: string; currency: string };

/** The organisation's time zone and currency in one read, for views that need both (agents). */
export async function getOrgLocale(db: DbOrTx, orgId: string): Promise<OrgLocale> {
  const org = await db.organization.findUnique({ where: { id: orgId }, select: { timeZone: true, currency: true } });
  if (!org) throw notFound("Organization");
  return org;
}
