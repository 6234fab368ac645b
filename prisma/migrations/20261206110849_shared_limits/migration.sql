-- CreateTable
CREATE TABLE "limit_counters" (
    "key" TEXT NOT NULL,
    "window_start" BIGINT NOT NULL,
    "count" INTEGER NOT NULL,
    "granted" INTEGER NOT NULL,
    "expires_at" BIGINT NOT NULL,

    CONSTRAINT "limit_counters_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "limit_slots" (
    "key" TEXT NOT NULL,
    "leases" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "limit_slots_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "limit_events" (
    "id" BIGSERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "at" BIGINT NOT NULL,
    "expires_at" BIGINT NOT NULL,

    CONSTRAINT "limit_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "limit_counters_expires_at_idx" ON "limit_counters"("expires_at");

-- CreateIndex
CREATE INDEX "limit_events_key_at_idx" ON "limit_events"("key", "at");

-- CreateIndex
CREATE INDEX "limit_events_expires_at_idx" ON "limit_events"("expires_at");

-- Written by hand (Prisma cannot express it): limits are counts that may be forgotten in a
-- crash, so their writes skip the WAL and no request waits for a flush.
ALTER TABLE "limit_counters" SET UNLOGGED;
ALTER TABLE "limit_slots" SET UNLOGGED;
ALTER TABLE "limit_events" SET UNLOGGED;
