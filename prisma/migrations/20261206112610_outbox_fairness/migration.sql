-- CreateIndex
CREATE INDEX "notifications_email_status_org_id_created_at_idx" ON "notifications"("email_status", "org_id", "created_at");

-- CreateIndex
CREATE INDEX "webhook_deliveries_status_org_id_next_attempt_at_idx" ON "webhook_deliveries"("status", "org_id", "next_attempt_at");
