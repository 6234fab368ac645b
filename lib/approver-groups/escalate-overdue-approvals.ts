import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";

type Escalated = { id: string; org_id: string; intent_id: string; group_id: string; group_name: string; escalate_to_group_id: string | null };

/**
 * Marks pending approvals that waited longer than their group's escalation time as
 * escalated (opening them to the escalation group; admins can always answer), with an
 * audit event each. SKIP LOCKED, so instances sharing a database split the work and an
 * approval being answered right now is left for the next sweep. Returns how many.
 */
export async function escalateOverdueApprovals(db: Db, now = new Date(), batch = 200): Promise<number> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Escalated[]>`
      WITH due AS (
        SELECT a.id FROM approvals a JOIN approver_groups g ON g.id = a.group_id
        WHERE a.status = 'pending' AND a.escalated_at IS NULL AND g.escalate_after_minutes IS NOT NULL
          AND a.expires_at > ${now}
          AND a.created_at + make_interval(mins => g.escalate_after_minutes) <= ${now}
        ORDER BY a.created_at
        LIMIT ${batch}
        FOR UPDATE OF a SKIP LOCKED
      )
      UPDATE approvals a SET escalated_at = ${now}
      FROM due, approver_groups g
      WHERE a.id = due.id AND g.id = a.group_id
      RETURNING a.id, a.org_id, a.intent_id, g.id AS group_id, g.name AS group_name, g.escalate_to_group_id`;
    for (const r of rows) {
      await recordAuditEvent(tx, {
        orgId: r.org_id,
        actor: "system",
        action: "approval.escalated",
        targetId: r.id,
        data: { intent_id: r.intent_id, group_id: r.group_id, group_name: r.group_name, escalated_to_group_id: r.escalate_to_group_id },
      });
    }
    return rows.length;
  });
}
