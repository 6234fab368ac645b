-- AlterTable
ALTER TABLE "agent_day_counters" ADD COLUMN     "approved_amount" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "captured" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "captured_amount" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "partial" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "returned_amount" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "voided" INTEGER NOT NULL DEFAULT 0;

-- Backfill from the approved intents already stored (the recomputation `counters rebuild` runs).
UPDATE "agent_day_counters" c SET
    "approved_amount" = r."approved_amount", "captured_amount" = r."captured_amount", "returned_amount" = r."returned_amount",
    "captured" = r."captured", "partial" = r."partial", "voided" = r."voided"
FROM (
    SELECT i."agent_id", i."currency", ((i."created_at" AT TIME ZONE 'UTC') AT TIME ZONE o."time_zone")::date AS day,
        SUM(i."amount") AS approved_amount,
        COALESCE(SUM(i."captured_amount"), 0) AS captured_amount,
        COALESCE(SUM(i."amount" - i."captured_amount"), 0) AS returned_amount,
        COUNT(*) FILTER (WHERE i."settlement" = 'captured') AS captured,
        COUNT(*) FILTER (WHERE i."settlement" = 'captured' AND i."captured_amount" < i."amount") AS partial,
        COUNT(*) FILTER (WHERE i."settlement" = 'voided') AS voided
    FROM "intents" i JOIN "organizations" o ON o."id" = i."org_id"
    WHERE i."status" = 'approved'
    GROUP BY 1, 2, 3
) r
WHERE c."agent_id" = r."agent_id" AND c."currency" = r."currency" AND c."day" = r.day;
