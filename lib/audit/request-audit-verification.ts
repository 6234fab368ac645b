import type { Principal } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import type { AuditVerification } from "@/lib/generated/prisma/client";
import { assertCan } from "@/lib/permissions/can";
import { serializeAuditVerification, type AuditVerificationView } from "./serialize-audit-verification";

/**
 * Queues a full check of the organisation's audit chain for the background job
 * (runAuditVerifications). A check already queued or running is returned instead of a new
 * one: the partial unique index on open verifications makes concurrent requests agree on one
 * row, so repeated clicks never pile up passes over millions of events. Writes no audit
 * event: it changes nothing the chain protects, and each click would otherwise grow the chain.
 */
export async function requestAuditVerification(db: Db, principal: Principal, orgId: string): Promise<AuditVerificationView> {
  assertCan(principal, "audit.verify", { orgId });
  // Two tries: the open row we collided with may finish between the insert and the read.
  for (let attempt = 0; attempt < 2; attempt++) {
    const [created] = await db.$queryRaw<{ id: string }[]>`
      INSERT INTO audit_verifications (id, org_id, requested_by, requested_at)
      VALUES (${newId("aver")}, ${orgId}, ${principal.label}, now())
      ON CONFLICT (org_id) WHERE finished_at IS NULL DO NOTHING
      RETURNING id`;
    const row: AuditVerification | null = created
      ? await db.auditVerification.findUnique({ where: { id: created.id } })
      : await db.auditVerification.findFirst({ where: { orgId, finishedAt: null } });
    if (row) return serializeAuditVerification(row);
  }
  throw new Error("audit verification request lost two races in a row");
}
