-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "unsubscribe_token" TEXT NOT NULL DEFAULT (gen_random_uuid())::text;

-- AlterTable
ALTER TABLE "application" ADD COLUMN     "notified_at" TIMESTAMP(3),
ADD COLUMN     "reminded_at" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "student_profile" ALTER COLUMN "degree_level" DROP NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "app_user_unsubscribe_token_key" ON "app_user"("unsubscribe_token");
