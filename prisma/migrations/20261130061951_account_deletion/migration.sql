-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "anonymised_at" TIMESTAMP(3),
ADD COLUMN     "deletion_requested_at" TIMESTAMP(3);
