-- The spend dashboard sums a month of spend_dimension_counters per day and key: 47,000 rows for
-- 200 agents' merchants, each a heap visit through (org_id, currency, dimension, day). With the
-- key and the amount in the index the read is index-only (60 ms to 23 ms, with the day grouped
-- as a date: lib/counters/load-spend-by-dimension.ts).
DROP INDEX "spend_dimension_counters_org_id_currency_dimension_day_idx";
CREATE INDEX "spend_dimension_counters_org_id_currency_dimension_day_key__idx" ON "spend_dimension_counters"("org_id", "currency", "dimension", "day", "key", "spent");
