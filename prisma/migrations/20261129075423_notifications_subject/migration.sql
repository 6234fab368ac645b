-- CreateIndex
CREATE INDEX "notifications_subject_id_idx" ON "notifications"("subject_id");
