-- The "partly captured" list (lib/intents/list-intents.ts, status approved, settlement captured,
-- captured_amount < amount) read every captured intent of the organisation to find the few
-- partial captures: at two million intents, 18 among 1.7 million, 2.7 s. A partial index holds
-- only those rows, in the list's order; each month's partition gets its own (small) copy.
-- Prisma's schema cannot express a partial index: it lives here only (see CONTRIBUTING).
CREATE INDEX "intents_partly_captured_idx" ON "intents" ("org_id", "created_at" DESC, "id" DESC)
  WHERE "settlement" = 'captured' AND "captured_amount" < "amount";
