import type { UserPrincipal } from "@/lib/auth/principal";
import type { DbOrTx } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import { FREEZE_COLUMNS } from "./active-freeze";

/**
 * The signed-in person's organisation as the dashboard frame needs it: name, time zone,
 * currency (what typed amounts and limits are read in) and the organisation-wide freeze. One request reads it once through the layout and once more
 * at most in a page.
 */
export async function getOrganizationSummary(db: DbOrTx, principal: UserPrincipal) {
  const org = await db.organization.findUnique({ where: { id: principal.orgId }, select: { name: true, timeZone: true, currency: true, ...FREEZE_COLUMNS } });
  if (!org) throw notFound("Organization");
  return org;
}
export type OrganizationSummary = Awaited<ReturnType<typeof getOrganizationSummary>>;
