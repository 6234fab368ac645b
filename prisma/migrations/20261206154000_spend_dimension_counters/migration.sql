-- CreateTable
CREATE TABLE "spend_dimension_counters" (
    "agent_id" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "day" DATE NOT NULL,
    "dimension" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "org_id" TEXT NOT NULL,
    "spent" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "spend_dimension_counters_pkey" PRIMARY KEY ("agent_id","currency","day","dimension","key")
);

-- CreateIndex
CREATE INDEX "spend_dimension_counters_org_id_currency_dimension_day_idx" ON "spend_dimension_counters"("org_id", "currency", "dimension", "day");

-- Backfill from the intents already there (once; afterwards every change keeps the rows in
-- step). The same measure as agent_day_counters.spent: approved (what a capture paid unless the
-- agent settled it itself) and held for approval, on the intent's day in the organisation's zone.
INSERT INTO "spend_dimension_counters" ("agent_id", "currency", "day", "dimension", "key", "org_id", "spent")
SELECT i.agent_id, i.currency, ((i.created_at AT TIME ZONE 'UTC') AT TIME ZONE o.time_zone)::date, d.dimension,
  CASE d.dimension WHEN 'category' THEN COALESCE(i.merchant_category, '') ELSE COALESCE(i.merchant, '') END, i.org_id,
  SUM(CASE WHEN i.settled_by_agent THEN i.amount ELSE COALESCE(i.captured_amount, i.amount) END)
FROM "intents" i JOIN "organizations" o ON o.id = i.org_id CROSS JOIN (VALUES ('category'), ('merchant')) d (dimension)
WHERE i.status IN ('approved', 'pending_approval')
GROUP BY 1, 2, 3, 4, 5, 6;
