-- CreateIndex
CREATE INDEX "approvals_org_id_created_at_idx" ON "approvals"("org_id", "created_at");
