-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "inactivity_warned_at" TIMESTAMP(3),
ADD COLUMN     "last_seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
