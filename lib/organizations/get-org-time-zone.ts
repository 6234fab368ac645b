import type { DbOrTx } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";

/** The organisation's IANA time zone: budget days and months, and daily counters, follow it. */
export async function getOrgTimeZone(db: DbOrTx, orgId: string): Promise<string> {
  const org = await db.organization.findUnique({ where: { id: orgId }, select: { timeZone: true } });
  if (!org) throw notFound("Organization");
  return org.timeZone;
}
