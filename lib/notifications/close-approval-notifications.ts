import type { Tx } from "@/lib/db/client";

/**
 * Once an approval is closed, its requests and reminders are done: they stop counting under
 * the bell (and a reminder not yet emailed is not sent). One statement, in the closing transaction.
 */
export async function closeApprovalNotifications(tx: Tx, approvalId: string, at: Date): Promise<void> {
  await tx.$executeRaw`
    UPDATE notifications SET read_at = COALESCE(read_at, ${at}),
      email_status = CASE WHEN email_status IN ('pending', 'digest') THEN 'skipped' ELSE email_status END
    WHERE subject_id = ${approvalId} AND (read_at IS NULL OR email_status IN ('pending', 'digest'))`;
}
