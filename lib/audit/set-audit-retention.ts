import type { Actor } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import { getOrganizationOrThrow } from "@/lib/organizations/get-organization-or-throw";
import { assertCan } from "@/lib/permissions/can";
import { AppError } from "@/lib/errors/app-error";
import { recordAuditEvent } from "./record-audit-event";

/** At least a year: a shorter retention would let one admin purge recent evidence. */
export const MIN_RETENTION_DAYS = 365;
export const MAX_RETENTION_DAYS = 36_525;

/** Sets how long audit events are kept before `purgeAuditEvents` may remove them (admins; audited). */
export async function setAuditRetention(db: Db, actor: Actor, orgId: string, days: number): Promise<{ days: number }> {
  assertCan(actor, "organization.update", { orgId });
  if (!Number.isInteger(days) || days < MIN_RETENTION_DAYS || days > MAX_RETENTION_DAYS) {
    throw new AppError("validation_error", `Retention must be ${MIN_RETENTION_DAYS} to ${MAX_RETENTION_DAYS} days`, [{ field: "days", issue: "365 to 36525" }]);
  }
  return db.$transaction(async (tx) => {
    const org = await getOrganizationOrThrow(tx, orgId);
    if (org.auditRetentionDays === days) return { days };
    await tx.organization.update({ where: { id: orgId }, data: { auditRetentionDays: days } });
    await recordAuditEvent(tx, {
      orgId,
      actor,
      action: "organization.audit_retention_set",
      targetId: orgId,
      data: { previous_days: org.auditRetentionDays, days },
    });
    return { days };
  });
}
