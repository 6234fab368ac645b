-- AlterTable
ALTER TABLE "agents" ADD COLUMN     "cost_center" TEXT,
ADD COLUMN     "gl_code" TEXT;
