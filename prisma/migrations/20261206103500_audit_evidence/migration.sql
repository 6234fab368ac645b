-- AlterTable
ALTER TABLE "organizations" ADD COLUMN     "audit_retention_days" INTEGER NOT NULL DEFAULT 2557;

-- CreateTable
CREATE TABLE "audit_signing_keys" (
    "id" TEXT NOT NULL,
    "org_id" TEXT NOT NULL,
    "public_key" TEXT NOT NULL,
    "private_key" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retired_at" TIMESTAMP(3),

    CONSTRAINT "audit_signing_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_checkpoints" (
    "id" TEXT NOT NULL,
    "org_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "seq" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL,
    "key_id" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "purged_through_seq" BIGINT,
    "tsa_token" BYTEA,
    "tsa_time" TIMESTAMP(3),
    "tsa_attempts" INTEGER NOT NULL DEFAULT 0,
    "tsa_next_at" TIMESTAMP(3),
    "tsa_error" TEXT,

    CONSTRAINT "audit_checkpoints_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "audit_signing_keys_org_id_created_at_idx" ON "audit_signing_keys"("org_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_checkpoints_org_id_seq_idx" ON "audit_checkpoints"("org_id", "seq" DESC);

-- CreateIndex
CREATE INDEX "audit_checkpoints_tsa_next_at_idx" ON "audit_checkpoints"("tsa_next_at");

-- AddForeignKey
ALTER TABLE "audit_signing_keys" ADD CONSTRAINT "audit_signing_keys_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_checkpoints" ADD CONSTRAINT "audit_checkpoints_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- At most one active signing key per organisation: two instances creating the first key at once agree on one.
CREATE UNIQUE INDEX "audit_signing_keys_one_active" ON "audit_signing_keys"("org_id") WHERE "retired_at" IS NULL;

-- Append-only audit evidence (issue 20 item 3). Written by hand: Prisma cannot express triggers.
--
-- audit_events: the only UPDATE allowed is the chainer's seal, the first and only write of an
-- unsealed event's chain fields (seq, prev_hash, hash) with every other column unchanged. The only
-- DELETE allowed is the retention purge (lib/audit/purge-audit-events.ts): a sealed event that a
-- tombstone checkpoint covers and that is older than its organisation's retention.
CREATE FUNCTION "aegis_audit_events_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF OLD.seq IS NULL AND NEW.seq IS NOT NULL AND NEW.prev_hash IS NOT NULL AND NEW.hash IS NOT NULL
      AND (NEW.id, NEW.org_id, NEW.actor_type, NEW.actor_id, NEW.actor_label, NEW.action, NEW.target_type, NEW.target_id, NEW.data, NEW.created_at)
        IS NOT DISTINCT FROM (OLD.id, OLD.org_id, OLD.actor_type, OLD.actor_id, OLD.actor_label, OLD.action, OLD.target_type, OLD.target_id, OLD.data, OLD.created_at)
    THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit events are append-only: UPDATE of % refused', OLD.id
      USING ERRCODE = '55000', HINT = 'Only the chainer''s first write of seq, prev_hash and hash is allowed.';
  END IF;
  IF OLD.seq IS NOT NULL
    AND EXISTS (SELECT 1 FROM audit_checkpoints c WHERE c.org_id = OLD.org_id AND c.kind = 'tombstone' AND c.purged_through_seq >= OLD.seq)
    AND OLD.created_at < (SELECT now() - make_interval(days => o.audit_retention_days) FROM organizations o WHERE o.id = OLD.org_id)
  THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit events are append-only: DELETE of % refused', OLD.id
    USING ERRCODE = '55000', HINT = 'Purge old events with npm run aegis -- audit purge, which leaves a signed tombstone checkpoint.';
END $$;
CREATE TRIGGER "audit_events_append_only" BEFORE UPDATE OR DELETE ON "audit_events" FOR EACH ROW EXECUTE FUNCTION "aegis_audit_events_guard"();

-- audit_checkpoints: never deleted; the signed columns never change; the RFC 3161 columns may be
-- written (attempts, errors, the token) until a token is stored, then they are frozen too.
CREATE FUNCTION "aegis_audit_checkpoints_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.tsa_token IS NULL
    AND (NEW.id, NEW.org_id, NEW.kind, NEW.seq, NEW.hash, NEW.created_at, NEW.key_id, NEW.signature, NEW.details, NEW.purged_through_seq)
      IS NOT DISTINCT FROM (OLD.id, OLD.org_id, OLD.kind, OLD.seq, OLD.hash, OLD.created_at, OLD.key_id, OLD.signature, OLD.details, OLD.purged_through_seq)
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit checkpoints are append-only: % of % refused', TG_OP, OLD.id USING ERRCODE = '55000';
END $$;
CREATE TRIGGER "audit_checkpoints_append_only" BEFORE UPDATE OR DELETE ON "audit_checkpoints" FOR EACH ROW EXECUTE FUNCTION "aegis_audit_checkpoints_guard"();

-- audit_signing_keys: never deleted (old public keys verify old checkpoints); the public half never
-- changes. Allowed: retiring a key (retired_at set once, the private key cleared) and resealing the
-- private key of the active one under a new AEGIS_SECRET_KEY.
CREATE FUNCTION "aegis_audit_signing_keys_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.retired_at IS NULL
    AND (NEW.id, NEW.org_id, NEW.public_key, NEW.created_at) IS NOT DISTINCT FROM (OLD.id, OLD.org_id, OLD.public_key, OLD.created_at)
    AND ((NEW.retired_at IS NULL AND NEW.private_key IS NOT NULL) OR (NEW.retired_at IS NOT NULL AND NEW.private_key IS NULL))
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit signing keys are kept for verification: % of % refused', TG_OP, OLD.id USING ERRCODE = '55000';
END $$;
CREATE TRIGGER "audit_signing_keys_append_only" BEFORE UPDATE OR DELETE ON "audit_signing_keys" FOR EACH ROW EXECUTE FUNCTION "aegis_audit_signing_keys_guard"();

-- TRUNCATE skips row triggers: refuse it on all three.
CREATE FUNCTION "aegis_refuse_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: TRUNCATE refused', TG_TABLE_NAME USING ERRCODE = '55000';
END $$;
CREATE TRIGGER "audit_events_no_truncate" BEFORE TRUNCATE ON "audit_events" FOR EACH STATEMENT EXECUTE FUNCTION "aegis_refuse_truncate"();
CREATE TRIGGER "audit_checkpoints_no_truncate" BEFORE TRUNCATE ON "audit_checkpoints" FOR EACH STATEMENT EXECUTE FUNCTION "aegis_refuse_truncate"();
CREATE TRIGGER "audit_signing_keys_no_truncate" BEFORE TRUNCATE ON "audit_signing_keys" FOR EACH STATEMENT EXECUTE FUNCTION "aegis_refuse_truncate"();
