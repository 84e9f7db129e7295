-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "staff_approved_at" TIMESTAMP(3),
ADD COLUMN     "staff_approved_by" TEXT;

-- AlterTable
ALTER TABLE "company" ADD COLUMN     "pending_name" TEXT,
ADD COLUMN     "verified_at" TIMESTAMP(3),
ADD COLUMN     "verified_by" TEXT;

-- AlterTable
ALTER TABLE "school" ADD COLUMN     "staff_email_domains" TEXT[];

-- CreateTable
CREATE TABLE "company_claim" (
    "id" TEXT NOT NULL,
    "company_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "outcome" TEXT,
    "resolved_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "company_claim_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "company_claim_company_id_idx" ON "company_claim"("company_id");

-- CreateIndex
CREATE INDEX "company_claim_resolved_at_idx" ON "company_claim"("resolved_at");

-- CreateIndex
CREATE INDEX "school_staff_email_domains_idx" ON "school" USING GIN ("staff_email_domains");

-- AddForeignKey
ALTER TABLE "company_claim" ADD CONSTRAINT "company_claim_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "company_claim" ADD CONSTRAINT "company_claim_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- What existed before these checks keeps working as it did: a school's staff domains start as the
-- domains it had (operators then split staff from students), its staff stay approved, and the
-- companies already registered stay verified.
UPDATE "school" SET "staff_email_domains" = "email_domains";
UPDATE "app_user" SET "staff_approved_at" = "created_at" WHERE "role" = 'SCHOOL_STAFF';
UPDATE "company" SET "verified_at" = "created_at";
