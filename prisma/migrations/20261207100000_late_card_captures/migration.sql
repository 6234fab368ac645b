-- Card captures that arrive after their intent was settled count against the agent's budgets
-- (lib/rails/settle-from-rail.ts captureAfterSettlement): kept on the intent so a recomputation of
-- the counters (lib/counters/recompute-counters-sql.ts) finds them.
ALTER TABLE "intents" ADD COLUMN "captured_after_settlement" BIGINT NOT NULL DEFAULT 0;
ALTER TABLE "intents" ADD CONSTRAINT "intents_captured_after_settlement_check"
  CHECK ("captured_after_settlement" >= 0 AND "captured_after_settlement" <= "card_captured");
