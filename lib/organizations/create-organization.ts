import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { CreateOrganizationSchema } from "@/lib/organizations/organization-schemas";
import { assertCan } from "@/lib/permissions/can";
import type { Actor } from "@/lib/auth/principal";

/** A new, empty organisation (it uses the default policy until one is set). */
export async function createOrganization(
  db: Db,
  actor: Actor,
  input: { name: string; timeZone?: string },
): Promise<{ id: string; name: string; timeZone: string }> {
  assertCan(actor, "organization.create");
  const { name, timeZone = "UTC" } = CreateOrganizationSchema.parse(input);
  const id = newId("org");
  await db.$transaction(async (tx) => {
    await tx.organization.create({ data: { id, name, timeZone } });
    await recordAuditEvent(tx, { orgId: id, actor, action: "organization.created", targetId: id, data: { name, time_zone: timeZone } });
  });
  return { id, name, timeZone };
}
