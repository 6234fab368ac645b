import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { CreateOrganizationSchema, type CreateOrganizationInput } from "@/lib/organizations/organization-schemas";
import { assertCan } from "@/lib/permissions/can";
import type { Actor } from "@/lib/auth/principal";

/**
 * A new, empty organisation (it uses the default policy until one is set). Its currency is
 * where new agents' wallets open and how amounts typed without a currency are read.
 */
export async function createOrganization(
  db: Db,
  actor: Actor,
  input: CreateOrganizationInput,
): Promise<{ id: string; name: string; timeZone: string; currency: string }> {
  assertCan(actor, "organization.create");
  const { name, timeZone = "UTC", currency } = CreateOrganizationSchema.parse(input);
  const id = newId("org");
  await db.$transaction(async (tx) => {
    await tx.organization.create({ data: { id, name, timeZone, currency } });
    await recordAuditEvent(tx, { orgId: id, actor, action: "organization.created", targetId: id, data: { name, time_zone: timeZone, currency } });
  });
  return { id, name, timeZone, currency };
}
