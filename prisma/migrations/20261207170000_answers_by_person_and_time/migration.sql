-- The open approvals one person already answered, read from their answers since the oldest open
-- approval was opened (lib/approvals/answered-open-approvals.ts), index-only: a few days of
-- answers, where (user_id, approval_id) gave the planner every answer the person ever gave.
CREATE INDEX "approval_responses_user_id_created_at_approval_id_idx" ON "approval_responses"("user_id", "created_at", "approval_id");
