import type { DbOrTx } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";

export async function getOrganizationOrThrow(db: DbOrTx, orgId: string) {
  const org = await db.organization.findUnique({ where: { id: orgId } });
  if (!org) throw notFound("Organisation");
  return org;
}
