-- Monthly range partitions for intents, ledger_entries and audit_events (issue 22 item 5).
-- Written by hand: Prisma cannot express partitions. ARCHITECTURE.md "Partitions" gives the design.
--
-- The partition key is the id itself. Ids made from now on are time-ordered (lib/db/ids.ts):
-- `<prefix>_u` + 9 base32 characters of the creation time in ms + 14 random characters. Ids made
-- before carry no `u` there (it is not in their alphabet), fall in no month's range and stay in the
-- DEFAULT partition, which is the old table itself: an existing deployment upgrades in place by
-- renaming each table and attaching it as the DEFAULT partition of a new partitioned parent, so no
-- row is copied (the id column's collation change rebuilds the indexes that hold id, nothing more).
-- A CHECK on each DEFAULT partition says it holds only old-shape ids, so creating a month's
-- partition never scans it, and a new id can never land there (its INSERT fails instead: the
-- partition job keeps three months ahead and says so loudly when it cannot).

-- The id of this kind at the first millisecond of `at` (a partition bound). Same encoding as
-- encodeIdTime in lib/db/ids.ts: the ms as 9 characters of the ids' base32 alphabet, which sorts
-- in ASCII order, so under COLLATE "C" ids sort by creation time.
CREATE FUNCTION "aegis_id_floor"(prefix text, at timestamptz) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  -- One expression (no loop) so PostgreSQL inlines it: the volume seed calls it for every row.
  SELECT prefix || '_u' ||
    substr('0123456789abcdefghjkmnpqrstvwxyz', ((floor(extract(epoch FROM at) * 1000)::bigint >> 40) & 31)::int + 1, 1) ||
    substr('0123456789abcdefghjkmnpqrstvwxyz', ((floor(extract(epoch FROM at) * 1000)::bigint >> 35) & 31)::int + 1, 1) ||
    substr('0123456789abcdefghjkmnpqrstvwxyz', ((floor(extract(epoch FROM at) * 1000)::bigint >> 30) & 31)::int + 1, 1) ||
    substr('0123456789abcdefghjkmnpqrstvwxyz', ((floor(extract(epoch FROM at) * 1000)::bigint >> 25) & 31)::int + 1, 1) ||
    substr('0123456789abcdefghjkmnpqrstvwxyz', ((floor(extract(epoch FROM at) * 1000)::bigint >> 20) & 31)::int + 1, 1) ||
    substr('0123456789abcdefghjkmnpqrstvwxyz', ((floor(extract(epoch FROM at) * 1000)::bigint >> 15) & 31)::int + 1, 1) ||
    substr('0123456789abcdefghjkmnpqrstvwxyz', ((floor(extract(epoch FROM at) * 1000)::bigint >> 10) & 31)::int + 1, 1) ||
    substr('0123456789abcdefghjkmnpqrstvwxyz', ((floor(extract(epoch FROM at) * 1000)::bigint >> 5) & 31)::int + 1, 1) ||
    substr('0123456789abcdefghjkmnpqrstvwxyz', ((floor(extract(epoch FROM at) * 1000)::bigint >> 0) & 31)::int + 1, 1)
$$;

-- Turns table `tbl` into a parent partitioned by RANGE (id) whose DEFAULT partition is the old
-- table (`<tbl>_default`), keeping every index (same names, on the parent), foreign key, CHECK
-- constraint and row trigger. Unique indexes other than the primary key cannot live on the parent
-- (they would need the id in them): they become plain indexes there, and the callers below put
-- a trigger in their place. Foreign keys that point AT the table are the caller's to move.
CREATE FUNCTION "aegis_partition_by_id"(tbl text, prefix text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  def_name text := tbl || '_default';
  r record;
  idx_defs text[] := '{}';
  fk_defs text[] := '{}';
  trg_defs text[] := '{}';
  d text;
BEGIN
  EXECUTE format('ALTER TABLE %I ALTER COLUMN id TYPE text COLLATE "C"', tbl);
  -- What the parent must have, read before anything is renamed.
  FOR r IN SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def, i.indisunique, i.indisprimary
           FROM pg_index i WHERE i.indrelid = tbl::regclass LOOP
    IF r.indisprimary THEN CONTINUE; END IF;
    d := r.def;
    IF r.indisunique THEN
      -- `..._key` (Prisma's unique) becomes `..._idx` (Prisma's plain index) on the parent.
      d := replace(replace(d, 'CREATE UNIQUE INDEX ', 'CREATE INDEX '), r.name, regexp_replace(r.name, '_key$', '_idx'));
    END IF;
    idx_defs := idx_defs || d;
  END LOOP;
  FOR r IN SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = tbl::regclass AND contype = 'f' LOOP
    fk_defs := fk_defs || format('ALTER TABLE %I ADD CONSTRAINT %I %s', tbl, r.conname, r.def);
  END LOOP;
  FOR r IN SELECT tgname, pg_get_triggerdef(oid) AS def FROM pg_trigger
           WHERE tgrelid = tbl::regclass AND NOT tgisinternal AND (tgtype & 1) = 1 LOOP -- row-level
    trg_defs := trg_defs || r.def;
    EXECUTE format('DROP TRIGGER %I ON %I', r.tgname, tbl);
  END LOOP;

  EXECUTE format('ALTER TABLE %I RENAME TO %I', tbl, def_name);
  -- Free the index names for the parent (constraint indexes rename their constraint with them).
  FOR r IN SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = def_name::regclass LOOP
    EXECUTE format('ALTER INDEX %I RENAME TO %I', r.relname, left(def_name || substr(r.relname, length(tbl) + 1), 63));
  END LOOP;

  EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING CONSTRAINTS) PARTITION BY RANGE (id)', tbl, def_name);
  EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I PRIMARY KEY (id)', tbl, tbl || '_pkey');
  FOREACH d IN ARRAY idx_defs LOOP EXECUTE d; END LOOP;
  FOREACH d IN ARRAY fk_defs LOOP EXECUTE d; END LOOP;
  FOREACH d IN ARRAY trg_defs LOOP EXECUTE d; END LOOP;
  -- Only ids made before time-ordered ones: proves to PostgreSQL that a new month's partition
  -- takes no row from DEFAULT (no scan, no long lock), and keeps new ids out of it.
  EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I CHECK (id < %L OR id >= %L)', def_name, def_name || '_old_ids_only', prefix || '_u', prefix || '_v');
  -- Matching indexes, foreign keys and CHECK constraints of the old table are attached, not rebuilt;
  -- the row triggers are cloned onto it from the parent.
  EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I DEFAULT', tbl, def_name);
  -- The old unique indexes (now per-partition) are superseded by the parent's plain index and the trigger.
  FOR r IN SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
           WHERE i.indrelid = def_name::regclass AND i.indisunique AND NOT i.indisprimary LOOP
    EXECUTE format('DROP INDEX %I', r.relname);
  END LOOP;
END $$;

-- Foreign keys that point at intents(id) are moved to the new parent.
ALTER TABLE "ledger_entries" DROP CONSTRAINT "ledger_entries_intent_id_fkey";
ALTER TABLE "policy_decisions" DROP CONSTRAINT "policy_decisions_intent_id_fkey";
ALTER TABLE "approvals" DROP CONSTRAINT "approvals_intent_id_fkey";

-- Columns that hold intent ids take the same collation as intents.id: a comparison of two text
-- columns of different collations cannot use a btree index (its collation is neither's), so a
-- join of approvals to intents would read every approval.
ALTER TABLE "ledger_entries" ALTER COLUMN "intent_id" TYPE text COLLATE "C";
ALTER TABLE "policy_decisions" ALTER COLUMN "intent_id" TYPE text COLLATE "C";
ALTER TABLE "approvals" ALTER COLUMN "intent_id" TYPE text COLLATE "C";
ALTER TABLE "rail_authorizations" ALTER COLUMN "intent_id" TYPE text COLLATE "C";
ALTER TABLE "rail_transactions" ALTER COLUMN "intent_id" TYPE text COLLATE "C";

SELECT "aegis_partition_by_id"('intents', 'int');
SELECT "aegis_partition_by_id"('ledger_entries', 'led');
SELECT "aegis_partition_by_id"('audit_events', 'evt');

ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_intent_id_fkey" FOREIGN KEY ("intent_id") REFERENCES "intents"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "policy_decisions" ADD CONSTRAINT "policy_decisions_intent_id_fkey" FOREIGN KEY ("intent_id") REFERENCES "intents"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "approvals" ADD CONSTRAINT "approvals_intent_id_fkey" FOREIGN KEY ("intent_id") REFERENCES "intents"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- TRUNCATE triggers are per table and not inherited: the parent refuses a TRUNCATE of the whole
-- log, DEFAULT keeps its own, and aegis_ensure_month_partitions adds one to each new month.
CREATE TRIGGER "audit_events_no_truncate" BEFORE TRUNCATE ON "audit_events" FOR EACH STATEMENT EXECUTE FUNCTION "aegis_refuse_truncate"();

-- What the two unique indexes guaranteed, across partitions. A unique index on a partitioned
-- table must contain the partition key, so these BEFORE triggers do it: under a transaction lock
-- on the key, no other row may hold it. Two writers of one key queue on the lock, and the second
-- (READ COMMITTED: each statement here takes a new snapshot) sees the first's committed row. The
-- error is the unique violation the old index raised, same constraint name, so callers are unchanged.
CREATE FUNCTION "aegis_intents_idempotency_unique"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('intents idempotency ' || NEW.api_key_id || ' ' || NEW.idempotency_key, 0));
  IF EXISTS (SELECT 1 FROM intents WHERE api_key_id = NEW.api_key_id AND idempotency_key = NEW.idempotency_key AND id <> NEW.id) THEN
    RAISE EXCEPTION 'duplicate key value violates unique constraint "intents_api_key_id_idempotency_key_key"'
      USING ERRCODE = 'unique_violation', CONSTRAINT = 'intents_api_key_id_idempotency_key_key', TABLE = 'intents';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "intents_idempotency_unique" BEFORE INSERT OR UPDATE OF api_key_id, idempotency_key ON "intents"
  FOR EACH ROW WHEN (NEW.api_key_id IS NOT NULL AND NEW.idempotency_key IS NOT NULL) EXECUTE FUNCTION "aegis_intents_idempotency_unique"();

-- One lock per organisation (not per seq): a bulk seal of many events takes one lock-table slot.
CREATE FUNCTION "aegis_audit_events_seq_unique"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('audit events seq ' || NEW.org_id, 0));
  IF EXISTS (SELECT 1 FROM audit_events WHERE org_id = NEW.org_id AND seq = NEW.seq AND id <> NEW.id) THEN
    RAISE EXCEPTION 'duplicate key value violates unique constraint "audit_events_org_id_seq_key"'
      USING ERRCODE = 'unique_violation', CONSTRAINT = 'audit_events_org_id_seq_key', TABLE = 'audit_events';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "audit_events_seq_unique" BEFORE INSERT OR UPDATE OF org_id, seq ON "audit_events"
  FOR EACH ROW WHEN (NEW.seq IS NOT NULL) EXECUTE FUNCTION "aegis_audit_events_seq_unique"();

-- Creates the monthly partitions (UTC months) from `first_month` through `months_ahead` months
-- after the current one, those missing; idempotent, and serialised by a transaction lock so two
-- instances never race to create one. Returns the names it created. Called by this migration and
-- by the partition job (lib/jobs/partition-job.ts); the demo and the volume seed call it for the
-- months of the history they back-date.
CREATE FUNCTION "aegis_ensure_month_partitions"(first_month timestamptz, months_ahead int) RETURNS text[] LANGUAGE plpgsql AS $$
DECLARE
  t record;
  -- Months as UTC wall-clock timestamps, so the session's time zone cannot shift a bound.
  m timestamp := date_trunc('month', first_month AT TIME ZONE 'UTC');
  last_month timestamp := date_trunc('month', now() AT TIME ZONE 'UTC') + make_interval(months => months_ahead);
  name text;
  made text[] := '{}';
BEGIN
  PERFORM pg_advisory_xact_lock(72707370); -- "aegis partitions"; the migrations' lock is 72707369
  WHILE m <= last_month LOOP
    FOR t IN SELECT * FROM (VALUES ('intents', 'int'), ('ledger_entries', 'led'), ('audit_events', 'evt')) v (tbl, prefix) LOOP
      name := t.tbl || '_p' || to_char(m, 'YYYYMM');
      IF to_regclass(name) IS NULL THEN
        EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', name, t.tbl,
          aegis_id_floor(t.prefix, m AT TIME ZONE 'UTC'), aegis_id_floor(t.prefix, (m + interval '1 month') AT TIME ZONE 'UTC'));
        IF t.tbl = 'audit_events' THEN
          EXECUTE format('CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION aegis_refuse_truncate()', name);
        END IF;
        made := made || name;
      END IF;
    END LOOP;
    m := m + interval '1 month';
  END LOOP;
  RETURN made;
END $$;

-- From last month: an event recorded at an earlier time (an approval that expired just before
-- midnight on the last day, swept just after) carries that time in its id.
SELECT "aegis_ensure_month_partitions"(now() - interval '1 month', 3);
DROP FUNCTION "aegis_partition_by_id"(text, text);
