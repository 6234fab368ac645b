-- The inbox's card context probes each card's agent and merchant: possible duplicates (the
-- intents of the same agent and merchant within 72 hours, compared by amount, currency and
-- status; lib/approvals/load-possible-duplicates.ts) and new merchants (an approved intent of
-- that agent and merchant before; lib/approvals/inbox-context.ts). Through
-- (agent_id, merchant, created_at) every candidate was a heap visit: at ten million intents about
-- 420 per card, 300 ms a page. This index carries everything the probes compare (the id too: a card is
-- not its own duplicate, and the id range prunes months), so they are index-only.
-- Partial (named merchants only, which is all the probes ask for), as Prisma's schema cannot express
-- INCLUDE: it lives here only (see CONTRIBUTING).
CREATE INDEX "intents_agent_merchant_probe_idx" ON "intents" ("agent_id", "merchant", "created_at") INCLUDE ("id", "org_id", "amount", "currency", "status")
  WHERE "merchant" IS NOT NULL;
