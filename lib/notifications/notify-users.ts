import { sql } from "kysely";
import type { DbOrTx } from "@/lib/db/client";
import { runSql, type SqlDb } from "@/lib/db/sql";
import { notificationConfig, type NotificationKind } from "./notification-config";

export type NotificationMessage = {
  orgId: string;
  kind: NotificationKind;
  subjectId: string;
  title: string;
  body: string;
  /** Path in the dashboard (e.g. /intents/int_…); the public URL is put in front for email. */
  path: string;
  /** "admin": admins only; "approver": admins and approvers. */
  audience: "admin" | "approver";
  excludeUserId?: string | null;
  /** An approval routed to an approver group: approvers hear of it only as members or their active delegates (admins always). */
  groupId?: string | null;
  /** For approvals: skip people who already answered this one (reminders). */
  skipAnsweredApprovalId?: string | null;
  at?: Date;
};

/**
 * The one INSERT that notifies the people of an organisation who can act: one row per person,
 * deduplicated per person, kind and subject. Each row records how it will be emailed: `pending`
 * (at once), `digest` (in the daily digest) or `skipped` (email off, or no SMTP configured); the
 * dashboard's bell lists them all either way. A statement of its own or a CTE of a larger one.
 */
export function notifyUsersSql(m: NotificationMessage) {
  const at = m.at ?? new Date();
  // History replayed with past times (the demo seed) is listed but never emailed.
  const smtp = notificationConfig().smtpUrl !== null && Date.now() - at.getTime() < 3_600_000;
  const groupId = m.groupId ?? null;
  return sql`
    INSERT INTO notifications (id, org_id, user_id, kind, subject_id, title, body, link, created_at, email_status)
    SELECT 'ntf_' || replace(gen_random_uuid()::text, '-', ''), u.org_id, u.id, ${m.kind}, ${m.subjectId}, ${m.title}, ${m.body}, ${m.path}, ${at}::timestamp,
      CASE WHEN ${smtp}::boolean THEN (CASE COALESCE(s.preference::text, 'immediate') WHEN 'immediate' THEN 'pending' WHEN 'digest' THEN 'digest' ELSE 'skipped' END)
      ELSE 'skipped' END
    FROM users u LEFT JOIN notification_settings s ON s.user_id = u.id
    WHERE u.org_id = ${m.orgId}
      AND (u.role = 'admin' OR (${m.audience}::text = 'approver' AND u.role = 'approver' AND (${groupId}::text IS NULL OR EXISTS (
        SELECT 1 FROM approver_group_members g WHERE g.group_id = ${groupId}::text AND (g.user_id = u.id OR EXISTS (
          SELECT 1 FROM delegations d WHERE d.from_user_id = g.user_id AND d.to_user_id = u.id AND d.starts_at <= ${at}::timestamp AND d.ends_at > ${at}::timestamp))))))
      AND u.id IS DISTINCT FROM ${m.excludeUserId ?? null}::text
      AND NOT EXISTS (SELECT 1 FROM approval_responses r WHERE r.approval_id = ${m.skipAnsweredApprovalId ?? null}::text AND r.user_id = u.id)
    ON CONFLICT (user_id, kind, subject_id) DO NOTHING`;
}

/** Notifies, in the caller's transaction or on its own (see notifyUsersSql); returns how many rows it wrote. */
export async function notifyUsers(tx: DbOrTx | SqlDb, m: NotificationMessage): Promise<number> {
  return runSql(tx, notifyUsersSql(m));
}
