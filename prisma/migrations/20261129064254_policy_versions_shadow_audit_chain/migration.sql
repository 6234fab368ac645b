-- AlterTable
ALTER TABLE "audit_events" ADD COLUMN     "hash" TEXT,
ADD COLUMN     "prev_hash" TEXT,
ADD COLUMN     "seq" BIGINT;

-- AlterTable
ALTER TABLE "policies" ADD COLUMN     "base_version" INTEGER;

-- AlterTable
ALTER TABLE "policy_decisions" ADD COLUMN     "shadow_outcome" "DecisionOutcome",
ADD COLUMN     "shadow_policy_id" TEXT,
ADD COLUMN     "shadow_reason" TEXT,
ADD COLUMN     "shadow_rule" TEXT;

-- CreateTable
CREATE TABLE "shadow_policies" (
    "id" TEXT NOT NULL,
    "org_id" TEXT NOT NULL,
    "document" JSONB NOT NULL,
    "based_on_version" INTEGER NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "stopped_at" TIMESTAMP(3),

    CONSTRAINT "shadow_policies_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "shadow_policies_org_id_stopped_at_idx" ON "shadow_policies"("org_id", "stopped_at");

-- CreateIndex
CREATE UNIQUE INDEX "audit_events_org_id_seq_key" ON "audit_events"("org_id", "seq");

-- AddForeignKey
ALTER TABLE "shadow_policies" ADD CONSTRAINT "shadow_policies_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
