-- CreateEnum
CREATE TYPE "IntentSource" AS ENUM ('api', 'mcp', 'card');

-- CreateEnum
CREATE TYPE "RailProvider" AS ENUM ('stripe', 'lithic');

-- CreateEnum
CREATE TYPE "RailConnectionStatus" AS ENUM ('active', 'disconnected');

-- CreateEnum
CREATE TYPE "RailAuthorizationStatus" AS ENUM ('pending', 'closed', 'reversed');

-- CreateEnum
CREATE TYPE "RailTransactionType" AS ENUM ('capture', 'refund');

-- AlterEnum
ALTER TYPE "LedgerKind" ADD VALUE 'refund';

-- AlterTable
ALTER TABLE "intents" ADD COLUMN     "card_authorized" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "card_captured" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "recurring" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "refunded_amount" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "source" "IntentSource" NOT NULL DEFAULT 'api';

-- AlterTable
ALTER TABLE "organizations" ADD COLUMN     "card_tolerance_bps" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "card_validity_minutes" INTEGER NOT NULL DEFAULT 1440;

-- CreateTable
CREATE TABLE "rail_connections" (
    "id" TEXT NOT NULL,
    "org_id" TEXT NOT NULL,
    "provider" "RailProvider" NOT NULL,
    "webhook_secret" TEXT NOT NULL,
    "status" "RailConnectionStatus" NOT NULL DEFAULT 'active',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" TEXT NOT NULL,
    "disconnected_at" TIMESTAMP(3),
    "disconnected_by" TEXT,

    CONSTRAINT "rail_connections_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cards" (
    "id" TEXT NOT NULL,
    "org_id" TEXT NOT NULL,
    "agent_id" UUID NOT NULL,
    "provider" "RailProvider" NOT NULL,
    "rail_card_id" TEXT NOT NULL,
    "last4" TEXT,
    "attached_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attached_by" TEXT NOT NULL,
    "detached_at" TIMESTAMP(3),
    "detached_by" TEXT,

    CONSTRAINT "cards_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rail_authorizations" (
    "id" TEXT NOT NULL,
    "org_id" TEXT NOT NULL,
    "connection_id" TEXT NOT NULL,
    "authorization_id" TEXT NOT NULL,
    "rail_card_id" TEXT NOT NULL,
    "card_id" TEXT,
    "agent_id" UUID,
    "intent_id" TEXT,
    "amount" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "merchant" JSONB NOT NULL DEFAULT '{}',
    "approved" BOOLEAN NOT NULL,
    "reason" TEXT NOT NULL,
    "consumed" BIGINT NOT NULL DEFAULT 0,
    "extra_debited" BIGINT NOT NULL DEFAULT 0,
    "status" "RailAuthorizationStatus" NOT NULL DEFAULT 'pending',
    "decided_at" TIMESTAMP(3) NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rail_authorizations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rail_transactions" (
    "id" TEXT NOT NULL,
    "org_id" TEXT NOT NULL,
    "connection_id" TEXT NOT NULL,
    "transaction_id" TEXT NOT NULL,
    "authorization_id" TEXT,
    "intent_id" TEXT,
    "type" "RailTransactionType" NOT NULL,
    "amount" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "occurred_at" TIMESTAMP(3) NOT NULL,
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rail_transactions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rail_events" (
    "connection_id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "org_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "approved" BOOLEAN,
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rail_events_pkey" PRIMARY KEY ("connection_id","event_id")
);

-- CreateIndex
CREATE INDEX "rail_connections_org_id_status_idx" ON "rail_connections"("org_id", "status");

-- CreateIndex
CREATE INDEX "cards_org_id_provider_rail_card_id_idx" ON "cards"("org_id", "provider", "rail_card_id");

-- CreateIndex
CREATE INDEX "cards_agent_id_attached_at_idx" ON "cards"("agent_id", "attached_at");

-- CreateIndex
CREATE INDEX "rail_authorizations_intent_id_decided_at_idx" ON "rail_authorizations"("intent_id", "decided_at");

-- CreateIndex
CREATE INDEX "rail_authorizations_org_id_decided_at_idx" ON "rail_authorizations"("org_id", "decided_at");

-- CreateIndex
CREATE UNIQUE INDEX "rail_authorizations_connection_id_authorization_id_key" ON "rail_authorizations"("connection_id", "authorization_id");

-- CreateIndex
CREATE INDEX "rail_transactions_intent_id_occurred_at_idx" ON "rail_transactions"("intent_id", "occurred_at");

-- CreateIndex
CREATE UNIQUE INDEX "rail_transactions_connection_id_transaction_id_key" ON "rail_transactions"("connection_id", "transaction_id");

-- CreateIndex
CREATE INDEX "rail_events_connection_id_received_at_idx" ON "rail_events"("connection_id", "received_at");

-- CreateIndex
CREATE INDEX "intents_agent_id_status_settlement_decided_at_idx" ON "intents"("agent_id", "status", "settlement", "decided_at");

-- AddForeignKey
ALTER TABLE "rail_connections" ADD CONSTRAINT "rail_connections_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cards" ADD CONSTRAINT "cards_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Written by hand (Prisma models neither partial indexes nor CHECKs; diff ignores them).
-- One live attachment per rail card in an organisation: the authorization finds one agent.
CREATE UNIQUE INDEX "cards_one_attached" ON "cards"("org_id", "provider", "rail_card_id") WHERE "detached_at" IS NULL;
-- What card authorizations take from an intent never exceeds it; captures and refunds stay in range.
ALTER TABLE "intents" ADD CONSTRAINT "intents_card_amounts_valid" CHECK (
  "card_authorized" >= 0 AND "card_authorized" <= "amount" AND "card_captured" >= 0 AND "refunded_amount" >= 0 AND "refunded_amount" <= "card_captured");
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_card_settings_valid" CHECK (
  "card_tolerance_bps" BETWEEN 0 AND 10000 AND "card_validity_minutes" BETWEEN 1 AND 525600);
ALTER TABLE "rail_authorizations" ADD CONSTRAINT "rail_authorizations_amounts_valid" CHECK (
  "amount" > 0 AND "consumed" >= 0 AND "extra_debited" >= 0);
ALTER TABLE "rail_transactions" ADD CONSTRAINT "rail_transactions_amount_positive" CHECK ("amount" > 0);
