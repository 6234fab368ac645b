-- CreateTable
CREATE TABLE "audit_verifications" (
    "id" TEXT NOT NULL,
    "org_id" TEXT NOT NULL,
    "requested_by" TEXT NOT NULL,
    "requested_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMP(3),
    "claimed_at" TIMESTAMP(3),
    "finished_at" TIMESTAMP(3),
    "ok" BOOLEAN,
    "checked" INTEGER,
    "pending" INTEGER,
    "head_seq" BIGINT,
    "head_hash" TEXT,
    "first_broken" JSONB,
    "error" TEXT,

    CONSTRAINT "audit_verifications_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "audit_verifications_org_id_finished_at_idx" ON "audit_verifications"("org_id", "finished_at" DESC);

-- AddForeignKey
ALTER TABLE "audit_verifications" ADD CONSTRAINT "audit_verifications_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- At most one open (unfinished) verification per organisation: repeated "Check again" clicks
-- join the open one instead of queueing more full passes. Also the job's index for open work.
CREATE UNIQUE INDEX "audit_verifications_one_open" ON "audit_verifications"("org_id") WHERE "finished_at" IS NULL;
