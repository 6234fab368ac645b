-- AlterTable
ALTER TABLE "api_keys" ADD COLUMN     "created_by_user_id" TEXT;

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "deactivated_at" TIMESTAMP(3),
ADD COLUMN     "session_version" INTEGER NOT NULL DEFAULT 0;

-- Money stays within Number.MAX_SAFE_INTEGER minor units, the largest integer the API's
-- JSON numbers carry exactly (Prisma does not model CHECK constraints; diff ignores them).
ALTER TABLE "wallets" ADD CONSTRAINT "wallets_amounts_safe" CHECK ("balance" <= 9007199254740991 AND "held" <= 9007199254740991);
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_amount_safe" CHECK ("amount" <= 9007199254740991);
ALTER TABLE "intents" ADD CONSTRAINT "intents_amount_safe" CHECK ("amount" <= 9007199254740991);
