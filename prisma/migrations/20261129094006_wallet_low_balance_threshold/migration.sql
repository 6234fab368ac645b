-- AlterTable
ALTER TABLE "wallets" ADD COLUMN     "low_balance_threshold" BIGINT;

-- A threshold is a positive amount a JSON number carries exactly (as balances are).
ALTER TABLE "wallets" ADD CONSTRAINT "wallets_low_balance_threshold_range"
  CHECK ("low_balance_threshold" IS NULL OR ("low_balance_threshold" >= 1 AND "low_balance_threshold" <= 9007199254740991));
