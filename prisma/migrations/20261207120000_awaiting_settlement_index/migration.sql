-- Reconciliation's "awaiting capture, by age" (lib/intents/age-uncaptured.ts) sums every approved
-- intent nobody has captured or voided, by how long ago it was approved. Through the
-- (org_id, status, settlement, decided_at) index each of those rows was a heap visit for its
-- currency and amount. This partial index holds exactly those rows with what the sum reads, so
-- the ageing is an index-only scan, and an intent leaves the index when it is settled.
-- Prisma's schema cannot express a partial index: it lives here only (see CONTRIBUTING).
CREATE INDEX "intents_awaiting_settlement_idx" ON "intents" ("org_id", "decided_at") INCLUDE ("currency", "amount")
  WHERE "status" = 'approved' AND "settlement" IS NULL;
