-- (agent_id, merchant, created_at) served the inbox cards' new-merchant and duplicate probes until
-- intents_agent_merchant_probe_idx (partial, covering) took them over: through five full page-time
-- runs and a counters rebuild at ten million intents it was scanned 0 times while the probe index
-- was scanned 6,300 times. Every intent insert still paid for it.
DROP INDEX "intents_agent_id_merchant_created_at_idx";
