-- Trigram matching for the intents search (part of an id, merchant or reason). PostgreSQL has
-- it in its contrib package; PGlite loads it as an extension (lib/db/pglite-extensions.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Trigram indexes for the search, by hand (expression indexes; see schema.prisma).
CREATE INDEX "intents_id_trgm_idx" ON "intents" USING GIN (lower("id") gin_trgm_ops);

-- CreateIndex
CREATE INDEX "intents_merchant_trgm_idx" ON "intents" USING GIN (lower("merchant") gin_trgm_ops);

-- CreateIndex
CREATE INDEX "intents_reason_trgm_idx" ON "intents" USING GIN (lower("reason") gin_trgm_ops);

-- CreateIndex
CREATE INDEX "intents_org_id_amount_idx" ON "intents"("org_id", "amount");

-- CreateIndex
CREATE INDEX "intents_org_id_settlement_created_at_id_idx" ON "intents"("org_id", "settlement", "created_at" DESC, "id" DESC);
