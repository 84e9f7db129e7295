-- CreateEnum
CREATE TYPE "ProfileAccessKind" AS ENUM ('PROFILE', 'CV');

-- CreateTable
CREATE TABLE "profile_access" (
    "id" TEXT NOT NULL,
    "student_id" TEXT NOT NULL,
    "company_id" TEXT NOT NULL,
    "kind" "ProfileAccessKind" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "profile_access_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "profile_access_student_id_at_idx" ON "profile_access"("student_id", "at");

-- CreateIndex
CREATE INDEX "profile_access_at_idx" ON "profile_access"("at");

-- AddForeignKey
ALTER TABLE "profile_access" ADD CONSTRAINT "profile_access_student_id_fkey" FOREIGN KEY ("student_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "profile_access" ADD CONSTRAINT "profile_access_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE CASCADE ON UPDATE CASCADE;
