-- CreateIndex
CREATE INDEX "intents_agent_id_merchant_created_at_idx" ON "intents"("agent_id", "merchant", "created_at");
