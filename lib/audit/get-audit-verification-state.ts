import type { Principal } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import { assertCan } from "@/lib/permissions/can";
import { serializeAuditVerification, type AuditVerificationView } from "./serialize-audit-verification";

/** What the audit chain page shows: the latest finished check and the open one, if any (two index reads). */
export async function getAuditVerificationState(
  db: Db,
  principal: Principal,
  orgId: string,
): Promise<{ latest: AuditVerificationView | null; open: AuditVerificationView | null }> {
  assertCan(principal, "audit.verify", { orgId });
  const [latest, open] = await Promise.all([
    db.auditVerification.findFirst({ where: { orgId, finishedAt: { not: null } }, orderBy: { finishedAt: "desc" } }),
    db.auditVerification.findFirst({ where: { orgId, finishedAt: null } }),
  ]);
  return { latest: latest && serializeAuditVerification(latest), open: open && serializeAuditVerification(open) };
}
