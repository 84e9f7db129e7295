-- AlterTable
ALTER TABLE "school" ADD COLUMN     "digest_sent_at" TIMESTAMP(3);
