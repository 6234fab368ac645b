-- Reconciliation's "awaiting capture, by age" summed every approved intent nobody had captured or
-- voided: 651,288 rows at ten million intents (an index-only scan, still 495 ms a page). These
-- counters hold the same sums per agent, currency and UTC day of approval, so the page reads a row
-- per agent and day with open approvals, and the intents only of the three days its bucket edges
-- fall in (lib/intents/age-uncaptured.ts). UTC days, not the organisation's: a change of time zone
-- then moves nothing here.
CREATE TABLE "awaiting_settlement_counters" (
    "agent_id" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "day" DATE NOT NULL,
    "org_id" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "amount" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "awaiting_settlement_counters_pkey" PRIMARY KEY ("agent_id","currency","day")
);

-- Only days that still have an open approval are read (Prisma's schema cannot express a partial
-- index: it lives here only, see CONTRIBUTING). A day whose approvals are all settled leaves it.
CREATE INDEX "awaiting_settlement_counters_open_idx" ON "awaiting_settlement_counters" ("org_id", "day")
  INCLUDE ("currency", "count", "amount") WHERE "count" <> 0;

-- Kept by triggers rather than by each writer: an intent enters the counters when it becomes
-- approved without a settlement and leaves them when it is captured or voided, and several paths do
-- each (the policy's decision, a person's answer, a capture or void by the API, the dashboard, a
-- card rail, the auto-settle job). A trigger sees them all. The row is the agent's, so its lock is
-- one the decision already holds in effect (the agent's wallet), never an organisation-wide one.
-- decided_at holds UTC wall-clock time, like every timestamp column here.
CREATE FUNCTION aegis_count_awaiting_settlement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'approved' AND OLD.settlement IS NULL THEN
    INSERT INTO awaiting_settlement_counters AS c (agent_id, currency, day, org_id, count, amount)
    VALUES (OLD.agent_id, OLD.currency, COALESCE(OLD.decided_at, OLD.created_at)::date, OLD.org_id, -1, -OLD.amount)
    ON CONFLICT (agent_id, currency, day) DO UPDATE SET count = c.count + EXCLUDED.count, amount = c.amount + EXCLUDED.amount;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'approved' AND NEW.settlement IS NULL THEN
    INSERT INTO awaiting_settlement_counters AS c (agent_id, currency, day, org_id, count, amount)
    VALUES (NEW.agent_id, NEW.currency, COALESCE(NEW.decided_at, NEW.created_at)::date, NEW.org_id, 1, NEW.amount)
    ON CONFLICT (agent_id, currency, day) DO UPDATE SET count = c.count + EXCLUDED.count, amount = c.amount + EXCLUDED.amount;
  END IF;
  RETURN NULL;
END $$;

-- The WHEN clauses keep every other insert and update of an intent free of the function call.
CREATE TRIGGER "intents_awaiting_settlement_insert" AFTER INSERT ON "intents"
  FOR EACH ROW WHEN (NEW.status = 'approved' AND NEW.settlement IS NULL)
  EXECUTE FUNCTION aegis_count_awaiting_settlement();
CREATE TRIGGER "intents_awaiting_settlement_update" AFTER UPDATE ON "intents"
  FOR EACH ROW WHEN (
    (OLD.status = 'approved' AND OLD.settlement IS NULL) IS DISTINCT FROM (NEW.status = 'approved' AND NEW.settlement IS NULL)
    OR (NEW.status = 'approved' AND NEW.settlement IS NULL
      AND (OLD.amount, OLD.currency, OLD.agent_id, OLD.decided_at) IS DISTINCT FROM (NEW.amount, NEW.currency, NEW.agent_id, NEW.decided_at)))
  EXECUTE FUNCTION aegis_count_awaiting_settlement();
CREATE TRIGGER "intents_awaiting_settlement_delete" AFTER DELETE ON "intents"
  FOR EACH ROW WHEN (OLD.status = 'approved' AND OLD.settlement IS NULL)
  EXECUTE FUNCTION aegis_count_awaiting_settlement();

-- What is open already, counted once.
INSERT INTO "awaiting_settlement_counters" (agent_id, currency, day, org_id, count, amount)
SELECT agent_id, currency, COALESCE(decided_at, created_at)::date, org_id, count(*), sum(amount)
FROM "intents"
WHERE status = 'approved' AND settlement IS NULL
GROUP BY 1, 2, 3, 4;
