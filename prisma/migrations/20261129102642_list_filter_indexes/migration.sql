-- CreateIndex
CREATE INDEX "audit_events_org_id_target_id_idx" ON "audit_events"("org_id", "target_id");

-- CreateIndex
CREATE INDEX "intents_org_id_status_created_at_id_idx" ON "intents"("org_id", "status", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "intents_org_id_merchant_category_created_at_id_idx" ON "intents"("org_id", "merchant_category", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "intents_agent_id_status_created_at_idx" ON "intents"("agent_id", "status", "created_at");

-- CreateIndex
CREATE INDEX "ledger_entries_org_id_kind_created_at_idx" ON "ledger_entries"("org_id", "kind", "created_at");
