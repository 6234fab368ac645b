-- CreateIndex
CREATE INDEX "policy_decisions_shadow_policy_id_created_at_idx" ON "policy_decisions"("shadow_policy_id", "created_at");
