-- AlterTable
ALTER TABLE "territory" ADD COLUMN     "shape" JSONB;
