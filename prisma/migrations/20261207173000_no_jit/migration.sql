-- PostgreSQL compiles a statement with LLVM once its estimated cost passes jit_above_cost (100,000),
-- and the app's statements over the monthly partitions get there on estimates alone: at ten million
-- intents reconciliation's ageing spent 48 ms compiling to run in 28 ms (133 ms in all). The app's
-- statements are short by design (indexes and counters, never a scan of history), so JIT only ever
-- costs; it is off for new sessions on this database. A role that may not alter the database (the
-- operator then sets jit = off in postgresql.conf, docs/deploy.md) leaves it as it was.
DO $$
BEGIN
  EXECUTE format('ALTER DATABASE %I SET jit = off', current_database());
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'jit is left as it is: this role may not alter the database (set jit = off in postgresql.conf)';
END $$;
