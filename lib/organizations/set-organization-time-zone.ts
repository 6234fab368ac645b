import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import { assertCan } from "@/lib/permissions/can";
import { getOrganizationOrThrow } from "./get-organization-or-throw";
import { SetTimeZoneSchema } from "@/lib/organizations/organization-schemas";

/**
 * Sets the organisation's IANA time zone: the dashboard shows times in it and budget days and
 * months follow it from the next decision on (windows already used by past decisions stay).
 */
export async function setOrganizationTimeZone(db: Db, actor: Actor, input: { orgId: string; timeZone: string }): Promise<{ timeZone: string }> {
  const data = SetTimeZoneSchema.parse(input);
  assertCan(actor, "organization.update", { orgId: data.orgId });
  const org = await getOrganizationOrThrow(db, data.orgId);
  if (org.timeZone === data.timeZone) return { timeZone: org.timeZone };
  await db.$transaction(async (tx) => {
    await tx.organization.updateMany({ where: { id: org.id }, data: { timeZone: data.timeZone } });
    await recordAuditEvent(tx, {
      orgId: org.id,
      actor,
      action: "organization.time_zone_set",
      targetId: org.id,
      data: { previous: org.timeZone, time_zone: data.timeZone },
    });
  });
  return { timeZone: data.timeZone };
}
