-- AlterTable
-- The organisation's currency (ISO 4217). Existing organisations take the currency most of
-- their wallets hold (ties: alphabetical); one without any wallet is legacy data from when
-- INR was the silent fallback, so it keeps INR. No default afterwards: every creator names it.
ALTER TABLE "organizations" ADD COLUMN     "currency" CHAR(3);

UPDATE "organizations" o
SET "currency" = COALESCE(
  (SELECT w."currency" FROM "wallets" w WHERE w."org_id" = o."id" GROUP BY w."currency" ORDER BY COUNT(*) DESC, w."currency" ASC LIMIT 1),
  'INR'
);

ALTER TABLE "organizations" ALTER COLUMN "currency" SET NOT NULL;
