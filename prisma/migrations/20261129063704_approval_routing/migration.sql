-- AlterTable
ALTER TABLE "approvals" ADD COLUMN     "escalated_at" TIMESTAMP(3),
ADD COLUMN     "group_id" TEXT;

-- CreateTable
CREATE TABLE "approver_groups" (
    "id" TEXT NOT NULL,
    "org_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "priority" INTEGER NOT NULL DEFAULT 100,
    "agent_ids" TEXT[],
    "merchant_categories" TEXT[],
    "currency" TEXT,
    "min_amount" BIGINT,
    "max_amount" BIGINT,
    "quorum" INTEGER NOT NULL DEFAULT 1,
    "escalate_after_minutes" INTEGER,
    "escalate_to_group_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "approver_groups_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "approver_group_members" (
    "group_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,

    CONSTRAINT "approver_group_members_pkey" PRIMARY KEY ("group_id","user_id")
);

-- CreateTable
CREATE TABLE "delegations" (
    "id" TEXT NOT NULL,
    "org_id" TEXT NOT NULL,
    "from_user_id" TEXT NOT NULL,
    "to_user_id" TEXT NOT NULL,
    "starts_at" TIMESTAMP(3) NOT NULL,
    "ends_at" TIMESTAMP(3) NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "delegations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "approver_groups_org_id_priority_idx" ON "approver_groups"("org_id", "priority");

-- CreateIndex
CREATE UNIQUE INDEX "approver_groups_org_id_name_key" ON "approver_groups"("org_id", "name");

-- CreateIndex
CREATE INDEX "approver_group_members_user_id_idx" ON "approver_group_members"("user_id");

-- CreateIndex
CREATE INDEX "delegations_org_id_to_user_id_ends_at_idx" ON "delegations"("org_id", "to_user_id", "ends_at");

-- CreateIndex
CREATE INDEX "delegations_from_user_id_idx" ON "delegations"("from_user_id");

-- CreateIndex
CREATE INDEX "approvals_group_id_idx" ON "approvals"("group_id");

-- AddForeignKey
ALTER TABLE "approvals" ADD CONSTRAINT "approvals_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "approver_groups"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "approver_groups" ADD CONSTRAINT "approver_groups_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "approver_groups" ADD CONSTRAINT "approver_groups_escalate_to_group_id_fkey" FOREIGN KEY ("escalate_to_group_id") REFERENCES "approver_groups"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "approver_group_members" ADD CONSTRAINT "approver_group_members_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "approver_groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "approver_group_members" ADD CONSTRAINT "approver_group_members_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_from_user_id_fkey" FOREIGN KEY ("from_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_to_user_id_fkey" FOREIGN KEY ("to_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
