-- AlterTable
ALTER TABLE "intents" ADD COLUMN     "settled_by_agent" BOOLEAN NOT NULL DEFAULT false;
