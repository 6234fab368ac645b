-- CreateTable
CREATE TABLE "agent_day_counters" (
    "agent_id" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "day" DATE NOT NULL,
    "org_id" TEXT NOT NULL,
    "spent" BIGINT NOT NULL DEFAULT 0,
    "pending" INTEGER NOT NULL DEFAULT 0,
    "pending_approval" INTEGER NOT NULL DEFAULT 0,
    "approved" INTEGER NOT NULL DEFAULT 0,
    "denied" INTEGER NOT NULL DEFAULT 0,
    "expired" INTEGER NOT NULL DEFAULT 0,
    "low_confidence" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "agent_day_counters_pkey" PRIMARY KEY ("agent_id","currency","day")
);

-- CreateTable
CREATE TABLE "agent_minute_counters" (
    "agent_id" UUID NOT NULL,
    "minute" TIMESTAMP(3) NOT NULL,
    "intents" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "agent_minute_counters_pkey" PRIMARY KEY ("agent_id","minute")
);

-- CreateIndex
CREATE INDEX "agent_day_counters_org_id_day_idx" ON "agent_day_counters"("org_id", "day");

-- Backfill from the intents already stored (the recomputation `counters rebuild` runs).
INSERT INTO "agent_day_counters" ("agent_id", "currency", "day", "org_id", "spent", "pending", "pending_approval", "approved", "denied", "expired", "low_confidence", "rejected")
SELECT i."agent_id", i."currency", ((i."created_at" AT TIME ZONE 'UTC') AT TIME ZONE o."time_zone")::date, i."org_id",
    COALESCE(SUM(COALESCE(i."captured_amount", i."amount")) FILTER (WHERE i."status" IN ('approved', 'pending_approval')), 0),
    COUNT(*) FILTER (WHERE i."status" = 'pending'),
    COUNT(*) FILTER (WHERE i."status" = 'pending_approval'),
    COUNT(*) FILTER (WHERE i."status" = 'approved'),
    COUNT(*) FILTER (WHERE i."status" = 'denied'),
    COUNT(*) FILTER (WHERE i."status" = 'expired'),
    COUNT(*) FILTER (WHERE i."status" <> 'pending' AND i."confidence" < 0.6),
    COUNT(a."id") FILTER (WHERE a."status" = 'rejected')
FROM "intents" i JOIN "organizations" o ON o."id" = i."org_id" LEFT JOIN "approvals" a ON a."intent_id" = i."id"
GROUP BY 1, 2, 3, 4;

INSERT INTO "agent_minute_counters" ("agent_id", "minute", "intents")
SELECT "agent_id", date_trunc('minute', "created_at"), COUNT(*)
FROM "intents" WHERE "created_at" >= date_trunc('minute', now() AT TIME ZONE 'UTC') - interval '2 hours'
GROUP BY 1, 2;
