import { sql } from "kysely";
import type { SqlTx } from "@/lib/db/sql";

/**
 * Once an approval is closed, its requests and reminders are done: they stop counting under
 * the bell (and a reminder not yet emailed is not sent). One statement, in the closing transaction.
 */
export async function closeApprovalNotifications(tx: SqlTx, approvalId: string, at: Date): Promise<void> {
  await tx
    .updateTable("notifications")
    .set({
      read_at: sql`COALESCE(read_at, ${at}::timestamp)`,
      email_status: sql`CASE WHEN email_status IN ('pending', 'digest') THEN 'skipped' ELSE email_status END`,
    })
    .where("subject_id", "=", approvalId)
    .where((eb) => eb.or([eb("read_at", "is", null), eb("email_status", "in", ["pending", "digest"])]))
    .execute();
}
