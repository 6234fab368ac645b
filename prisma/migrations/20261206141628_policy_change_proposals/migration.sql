-- CreateEnum
CREATE TYPE "PolicyChangeKind" AS ENUM ('edit', 'restore', 'promote_shadow', 'agent_override');

-- CreateEnum
CREATE TYPE "PolicyChangeStatus" AS ENUM ('pending', 'approved', 'rejected', 'withdrawn', 'superseded');

-- CreateEnum
CREATE TYPE "PolicyChangeApproval" AS ENUM ('second_admin', 'single_admin', 'operator');

-- AlterTable
ALTER TABLE "policies" ADD COLUMN     "proposal_id" TEXT,
ADD COLUMN     "reason" TEXT;

-- CreateTable
CREATE TABLE "policy_change_proposals" (
    "id" TEXT NOT NULL,
    "org_id" TEXT NOT NULL,
    "kind" "PolicyChangeKind" NOT NULL,
    "document" JSONB NOT NULL,
    "base_version" INTEGER NOT NULL,
    "restored_version" INTEGER,
    "agent_id" UUID,
    "shadow_id" TEXT,
    "reason" TEXT NOT NULL,
    "proposed_by_id" TEXT,
    "proposed_by" TEXT NOT NULL,
    "status" "PolicyChangeStatus" NOT NULL DEFAULT 'pending',
    "approval" "PolicyChangeApproval",
    "decided_by_id" TEXT,
    "decided_by" TEXT,
    "decided_at" TIMESTAMP(3),
    "decision_reason" TEXT,
    "applied_version" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "policy_change_proposals_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "policy_change_proposals_org_id_status_created_at_idx" ON "policy_change_proposals"("org_id", "status", "created_at");

-- AddForeignKey
ALTER TABLE "policy_change_proposals" ADD CONSTRAINT "policy_change_proposals_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Every policy change says why (four eyes); the domain checks it too, this keeps it true for any writer.
ALTER TABLE "policy_change_proposals" ADD CONSTRAINT "policy_change_proposals_reason_check" CHECK (length(btrim("reason")) > 0);
