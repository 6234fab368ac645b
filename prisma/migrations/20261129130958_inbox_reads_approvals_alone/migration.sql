-- The inbox filters, orders and counts open approvals without reading their intents: each
-- approval keeps a copy of its intent's amount and of who may never answer it (the intent's
-- submitter and its API key's creator). All three never change once the intent exists.
ALTER TABLE "approvals" ADD COLUMN "amount" BIGINT,
ADD COLUMN "key_created_by_user_id" TEXT,
ADD COLUMN "submitted_by_user_id" TEXT;

UPDATE "approvals" a SET "amount" = i."amount", "submitted_by_user_id" = i."submitted_by_user_id", "key_created_by_user_id" = k."created_by_user_id"
FROM "intents" i LEFT JOIN "api_keys" k ON k."id" = i."api_key_id"
WHERE i."id" = a."intent_id";

ALTER TABLE "approvals" ALTER COLUMN "amount" SET NOT NULL;

-- CreateIndex
CREATE INDEX "approval_responses_user_id_approval_id_idx" ON "approval_responses"("user_id", "approval_id");

-- CreateIndex
CREATE INDEX "approvals_org_id_status_amount_id_idx" ON "approvals"("org_id", "status", "amount" DESC, "id");
