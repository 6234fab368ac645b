-- CreateEnum
CREATE TYPE "Settlement" AS ENUM ('captured', 'voided');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "LedgerKind" ADD VALUE 'capture';
ALTER TYPE "LedgerKind" ADD VALUE 'reversal';

-- AlterTable
ALTER TABLE "agents" ADD COLUMN     "frozen_at" TIMESTAMP(3),
ADD COLUMN     "frozen_by" TEXT,
ADD COLUMN     "frozen_reason" TEXT;

-- AlterTable
ALTER TABLE "intents" ADD COLUMN     "captured_amount" BIGINT,
ADD COLUMN     "settled_at" TIMESTAMP(3),
ADD COLUMN     "settlement" "Settlement";

-- AlterTable
ALTER TABLE "organizations" ADD COLUMN     "frozen_at" TIMESTAMP(3),
ADD COLUMN     "frozen_by" TEXT,
ADD COLUMN     "frozen_reason" TEXT;

-- CreateIndex
CREATE INDEX "intents_org_id_status_settlement_decided_at_idx" ON "intents"("org_id", "status", "settlement", "decided_at");

-- What was paid can never exceed what was approved, and a settled intent always says how much
-- (Prisma does not model CHECK constraints; diff ignores them).
ALTER TABLE "intents" ADD CONSTRAINT "intents_captured_within_amount" CHECK (
  "captured_amount" IS NULL OR ("captured_amount" >= 0 AND "captured_amount" <= "amount"));
ALTER TABLE "intents" ADD CONSTRAINT "intents_settlement_has_amount" CHECK (("settlement" IS NULL) = ("captured_amount" IS NULL));
