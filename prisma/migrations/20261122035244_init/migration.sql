-- CreateEnum
CREATE TYPE "TerritoryMemberKind" AS ENUM ('EPCI', 'COMMUNE', 'OTHER');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('STUDENT', 'COMPANY_MEMBER', 'SCHOOL_STAFF', 'OPERATOR');

-- CreateEnum
CREATE TYPE "TokenPurpose" AS ENUM ('EMAIL_VERIFICATION', 'PASSWORD_RESET');

-- CreateEnum
CREATE TYPE "SizeBand" AS ENUM ('PME', 'ETI', 'GE');

-- CreateEnum
CREATE TYPE "CompanyRole" AS ENUM ('OWNER', 'MEMBER');

-- CreateEnum
CREATE TYPE "SchoolKind" AS ENUM ('ENGINEERING', 'BUSINESS', 'UNIVERSITY', 'OTHER');

-- CreateEnum
CREATE TYPE "DegreeLevel" AS ENUM ('BAC2', 'BAC3', 'BAC4', 'BAC5', 'DOCTORATE');

-- CreateEnum
CREATE TYPE "ContractType" AS ENUM ('ALTERNANCE', 'CDD', 'CDI', 'STAGE_PRE_VTE');

-- CreateEnum
CREATE TYPE "StudentStatus" AS ENUM ('STUDENT', 'WORK_STUDY', 'GRADUATED');

-- CreateEnum
CREATE TYPE "RemotePolicy" AS ENUM ('NONE', 'PARTIAL', 'FULL');

-- CreateEnum
CREATE TYPE "PayPeriod" AS ENUM ('YEAR', 'MONTH');

-- CreateEnum
CREATE TYPE "OfferStatus" AS ENUM ('DRAFT', 'PENDING_REVIEW', 'PUBLISHED', 'REJECTED', 'CLOSED', 'FILLED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "ApplicationStatus" AS ENUM ('SUBMITTED', 'VIEWED', 'SHORTLISTED', 'INTERVIEW', 'OFFERED', 'HIRED', 'DECLINED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "AlertFrequency" AS ENUM ('DAILY', 'WEEKLY');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('PENDING', 'DONE', 'FAILED');

-- CreateTable
CREATE TABLE "region" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "zone" TEXT NOT NULL,

    CONSTRAINT "region_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "department" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,

    CONSTRAINT "department_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "epci" (
    "siren" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "population" INTEGER NOT NULL,

    CONSTRAINT "epci_pkey" PRIMARY KEY ("siren")
);

-- CreateTable
CREATE TABLE "commune" (
    "insee_code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "search_name" TEXT NOT NULL,
    "siren" TEXT,
    "department_code" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "epci_siren" TEXT,
    "postal_codes" TEXT[],
    "population" INTEGER NOT NULL,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,

    CONSTRAINT "commune_pkey" PRIMARY KEY ("insee_code")
);

-- CreateTable
CREATE TABLE "territory" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "phase" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "placement_count" INTEGER NOT NULL DEFAULT 0,
    "vte_placement_count" INTEGER NOT NULL DEFAULT 0,
    "green_placement_count" INTEGER NOT NULL DEFAULT 0,
    "published_offer_count" INTEGER NOT NULL DEFAULT 0,
    "application_count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "territory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "territory_member" (
    "territory_id" TEXT NOT NULL,
    "siren" TEXT NOT NULL,
    "kind" "TerritoryMemberKind" NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "territory_member_pkey" PRIMARY KEY ("territory_id","siren")
);

-- CreateTable
CREATE TABLE "territory_commune" (
    "territory_id" TEXT NOT NULL,
    "commune_code" TEXT NOT NULL,
    "member_siren" TEXT NOT NULL,

    CONSTRAINT "territory_commune_pkey" PRIMARY KEY ("territory_id","commune_code")
);

-- CreateTable
CREATE TABLE "naf_code" (
    "code" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "parent_code" TEXT,
    "section" TEXT NOT NULL,

    CONSTRAINT "naf_code_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "rome_fiche" (
    "code" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "domain_code" TEXT NOT NULL,
    "domain_label" TEXT NOT NULL,
    "grand_domain_code" TEXT NOT NULL,
    "grand_domain_label" TEXT NOT NULL,
    "historical" BOOLEAN NOT NULL,
    "ecological_transition" BOOLEAN NOT NULL,
    "ecological_transition_label" TEXT,
    "digital_transition" BOOLEAN NOT NULL,
    "demographic_transition" BOOLEAN NOT NULL,
    "regulated" BOOLEAN NOT NULL,
    "executive" BOOLEAN NOT NULL,

    CONSTRAINT "rome_fiche_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "establishment" (
    "id" TEXT NOT NULL,
    "uai" TEXT,
    "other_uais" TEXT[],
    "name" TEXT NOT NULL,
    "acronym" TEXT,
    "short_name" TEXT,
    "kind" TEXT NOT NULL,
    "sector" TEXT NOT NULL,
    "siren" TEXT,
    "commune_code" TEXT,
    "commune_name" TEXT,
    "region_code" TEXT,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "website" TEXT,

    CONSTRAINT "establishment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "first_name" TEXT NOT NULL,
    "last_name" TEXT NOT NULL,
    "email_verified_at" TIMESTAMP(3),
    "mail_opt_out" BOOLEAN NOT NULL DEFAULT false,
    "school_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user_token" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "purpose" "TokenPurpose" NOT NULL,
    "token_hash" TEXT NOT NULL,
    "code_hash" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "used_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limit" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "window_start" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "rate_limit_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "company" (
    "id" TEXT NOT NULL,
    "siren" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "naf_code" TEXT NOT NULL,
    "naf_section" TEXT NOT NULL,
    "size_band" "SizeBand" NOT NULL,
    "commune_code" TEXT NOT NULL,
    "territory_id" TEXT,
    "description" TEXT,
    "website" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "company_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "company_member" (
    "company_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "role" "CompanyRole" NOT NULL DEFAULT 'MEMBER',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "company_member_pkey" PRIMARY KEY ("company_id","user_id")
);

-- CreateTable
CREATE TABLE "company_invitation" (
    "id" TEXT NOT NULL,
    "company_id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "invited_by_id" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "accepted_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "company_invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "school" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "uai" TEXT,
    "kind" "SchoolKind" NOT NULL,
    "establishment_id" TEXT,
    "email_domains" TEXT[],
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "school_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "student_profile" (
    "user_id" TEXT NOT NULL,
    "establishment_id" TEXT,
    "other_establishment_name" TEXT,
    "school_kind" "SchoolKind" NOT NULL,
    "degree_level" "DegreeLevel" NOT NULL,
    "field" TEXT NOT NULL,
    "status" "StudentStatus" NOT NULL,
    "graduation_date" DATE,
    "skills" TEXT[],
    "wished_territory_ids" TEXT[],
    "wished_region_codes" TEXT[],
    "wished_commune_code" TEXT,
    "wished_radius_km" INTEGER,
    "contract_types" "ContractType"[],
    "available_from" DATE,
    "visible_to_companies" BOOLEAN NOT NULL DEFAULT false,
    "cv_file_name" TEXT,
    "cv" BYTEA,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "student_profile_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "offer" (
    "id" TEXT NOT NULL,
    "company_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "rome_code" TEXT NOT NULL,
    "contract_type" "ContractType" NOT NULL,
    "duration_months" INTEGER,
    "start_date" DATE NOT NULL,
    "degree_level" "DegreeLevel" NOT NULL,
    "school_kinds" "SchoolKind"[],
    "commune_code" TEXT NOT NULL,
    "territory_id" TEXT,
    "region_code" TEXT NOT NULL,
    "department_code" TEXT NOT NULL,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "remote" "RemotePolicy" NOT NULL DEFAULT 'NONE',
    "pay_min" INTEGER,
    "pay_max" INTEGER,
    "pay_period" "PayPeriod",
    "positions" INTEGER NOT NULL DEFAULT 1,
    "status" "OfferStatus" NOT NULL DEFAULT 'DRAFT',
    "vte_eligible" BOOLEAN NOT NULL DEFAULT false,
    "vte_territory" BOOLEAN NOT NULL DEFAULT false,
    "vte_green" BOOLEAN NOT NULL DEFAULT false,
    "eligibility_reasons" JSONB NOT NULL DEFAULT '[]',
    "rejection_reason" TEXT,
    "submitted_at" TIMESTAMP(3),
    "published_at" TIMESTAMP(3),
    "expires_at" TIMESTAMP(3),
    "closed_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "offer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "application" (
    "id" TEXT NOT NULL,
    "offer_id" TEXT NOT NULL,
    "student_id" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "with_cv" BOOLEAN NOT NULL DEFAULT false,
    "status" "ApplicationStatus" NOT NULL DEFAULT 'SUBMITTED',
    "viewed_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "application_status_change" (
    "id" TEXT NOT NULL,
    "application_id" TEXT NOT NULL,
    "from_status" "ApplicationStatus",
    "to_status" "ApplicationStatus" NOT NULL,
    "by_user_id" TEXT NOT NULL,
    "message" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "application_status_change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "placement" (
    "id" TEXT NOT NULL,
    "application_id" TEXT NOT NULL,
    "offer_id" TEXT NOT NULL,
    "company_id" TEXT NOT NULL,
    "student_id" TEXT NOT NULL,
    "territory_id" TEXT,
    "region_code" TEXT NOT NULL,
    "naf_section" TEXT NOT NULL,
    "school_kind" "SchoolKind" NOT NULL,
    "establishment_id" TEXT,
    "contract_type" "ContractType" NOT NULL,
    "start_date" DATE NOT NULL,
    "duration_months" INTEGER,
    "pay_band" TEXT,
    "vte_label" BOOLEAN NOT NULL,
    "vte_green" BOOLEAN NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "placement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "territory_monthly_stat" (
    "territory_id" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "naf_section" TEXT NOT NULL,
    "school_kind" "SchoolKind" NOT NULL,
    "placements" INTEGER NOT NULL DEFAULT 0,
    "vte_placements" INTEGER NOT NULL DEFAULT 0,
    "green_placements" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "territory_monthly_stat_pkey" PRIMARY KEY ("territory_id","month","naf_section","school_kind")
);

-- CreateTable
CREATE TABLE "school_promotion" (
    "id" TEXT NOT NULL,
    "school_id" TEXT NOT NULL,
    "offer_id" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "school_promotion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "saved_search" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "frequency" "AlertFrequency" NOT NULL,
    "last_sent_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "saved_search_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_job" (
    "id" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "OutboxStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "run_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "outbox_job_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "department_region_code_idx" ON "department"("region_code");

-- CreateIndex
CREATE UNIQUE INDEX "commune_siren_key" ON "commune"("siren");

-- CreateIndex
CREATE INDEX "commune_epci_siren_idx" ON "commune"("epci_siren");

-- CreateIndex
CREATE INDEX "commune_search_name_idx" ON "commune"("search_name");

-- CreateIndex
CREATE INDEX "commune_postal_codes_idx" ON "commune" USING GIN ("postal_codes");

-- CreateIndex
CREATE INDEX "territory_region_code_idx" ON "territory"("region_code");

-- CreateIndex
CREATE INDEX "territory_commune_commune_code_idx" ON "territory_commune"("commune_code");

-- CreateIndex
CREATE INDEX "naf_code_section_idx" ON "naf_code"("section");

-- CreateIndex
CREATE INDEX "naf_code_parent_code_idx" ON "naf_code"("parent_code");

-- CreateIndex
CREATE INDEX "rome_fiche_domain_code_idx" ON "rome_fiche"("domain_code");

-- CreateIndex
CREATE UNIQUE INDEX "establishment_uai_key" ON "establishment"("uai");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE INDEX "app_user_school_id_idx" ON "app_user"("school_id");

-- CreateIndex
CREATE INDEX "session_user_id_idx" ON "session"("user_id");

-- CreateIndex
CREATE INDEX "session_expires_at_idx" ON "session"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "user_token_token_hash_key" ON "user_token"("token_hash");

-- CreateIndex
CREATE INDEX "user_token_user_id_purpose_idx" ON "user_token"("user_id", "purpose");

-- CreateIndex
CREATE UNIQUE INDEX "company_siren_key" ON "company"("siren");

-- CreateIndex
CREATE INDEX "company_territory_id_idx" ON "company"("territory_id");

-- CreateIndex
CREATE INDEX "company_naf_section_idx" ON "company"("naf_section");

-- CreateIndex
CREATE INDEX "company_member_user_id_idx" ON "company_member"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "company_invitation_token_hash_key" ON "company_invitation"("token_hash");

-- CreateIndex
CREATE INDEX "company_invitation_company_id_idx" ON "company_invitation"("company_id");

-- CreateIndex
CREATE UNIQUE INDEX "school_uai_key" ON "school"("uai");

-- CreateIndex
CREATE INDEX "school_establishment_id_idx" ON "school"("establishment_id");

-- CreateIndex
CREATE INDEX "school_email_domains_idx" ON "school" USING GIN ("email_domains");

-- CreateIndex
CREATE INDEX "student_profile_establishment_id_idx" ON "student_profile"("establishment_id");

-- CreateIndex
CREATE INDEX "student_profile_visible_to_companies_idx" ON "student_profile"("visible_to_companies");

-- CreateIndex
CREATE INDEX "offer_status_published_at_idx" ON "offer"("status", "published_at" DESC);

-- CreateIndex
CREATE INDEX "offer_status_submitted_at_idx" ON "offer"("status", "submitted_at");

-- CreateIndex
CREATE INDEX "offer_status_expires_at_idx" ON "offer"("status", "expires_at");

-- CreateIndex
CREATE INDEX "offer_company_id_status_idx" ON "offer"("company_id", "status");

-- CreateIndex
CREATE INDEX "offer_territory_id_status_idx" ON "offer"("territory_id", "status");

-- CreateIndex
CREATE INDEX "offer_region_code_status_idx" ON "offer"("region_code", "status");

-- CreateIndex
CREATE INDEX "offer_rome_code_idx" ON "offer"("rome_code");

-- CreateIndex
CREATE INDEX "application_student_id_idx" ON "application"("student_id");

-- CreateIndex
CREATE INDEX "application_offer_id_status_idx" ON "application"("offer_id", "status");

-- CreateIndex
CREATE INDEX "application_status_created_at_idx" ON "application"("status", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "application_offer_id_student_id_key" ON "application"("offer_id", "student_id");

-- CreateIndex
CREATE INDEX "application_status_change_application_id_created_at_idx" ON "application_status_change"("application_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "placement_application_id_key" ON "placement"("application_id");

-- CreateIndex
CREATE INDEX "placement_territory_id_created_at_idx" ON "placement"("territory_id", "created_at");

-- CreateIndex
CREATE INDEX "placement_region_code_created_at_idx" ON "placement"("region_code", "created_at");

-- CreateIndex
CREATE INDEX "placement_establishment_id_idx" ON "placement"("establishment_id");

-- CreateIndex
CREATE INDEX "territory_monthly_stat_month_idx" ON "territory_monthly_stat"("month");

-- CreateIndex
CREATE INDEX "school_promotion_offer_id_idx" ON "school_promotion"("offer_id");

-- CreateIndex
CREATE UNIQUE INDEX "school_promotion_school_id_offer_id_key" ON "school_promotion"("school_id", "offer_id");

-- CreateIndex
CREATE INDEX "saved_search_user_id_idx" ON "saved_search"("user_id");

-- CreateIndex
CREATE INDEX "saved_search_frequency_last_sent_at_idx" ON "saved_search"("frequency", "last_sent_at");

-- CreateIndex
CREATE INDEX "outbox_job_status_run_at_idx" ON "outbox_job"("status", "run_at");

-- AddForeignKey
ALTER TABLE "department" ADD CONSTRAINT "department_region_code_fkey" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "commune" ADD CONSTRAINT "commune_department_code_fkey" FOREIGN KEY ("department_code") REFERENCES "department"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "commune" ADD CONSTRAINT "commune_epci_siren_fkey" FOREIGN KEY ("epci_siren") REFERENCES "epci"("siren") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "territory" ADD CONSTRAINT "territory_region_code_fkey" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "territory_member" ADD CONSTRAINT "territory_member_territory_id_fkey" FOREIGN KEY ("territory_id") REFERENCES "territory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "territory_commune" ADD CONSTRAINT "territory_commune_territory_id_fkey" FOREIGN KEY ("territory_id") REFERENCES "territory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "territory_commune" ADD CONSTRAINT "territory_commune_commune_code_fkey" FOREIGN KEY ("commune_code") REFERENCES "commune"("insee_code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_school_id_fkey" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_token" ADD CONSTRAINT "user_token_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "company" ADD CONSTRAINT "company_naf_code_fkey" FOREIGN KEY ("naf_code") REFERENCES "naf_code"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "company" ADD CONSTRAINT "company_commune_code_fkey" FOREIGN KEY ("commune_code") REFERENCES "commune"("insee_code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "company" ADD CONSTRAINT "company_territory_id_fkey" FOREIGN KEY ("territory_id") REFERENCES "territory"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "company_member" ADD CONSTRAINT "company_member_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "company_member" ADD CONSTRAINT "company_member_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "company_invitation" ADD CONSTRAINT "company_invitation_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "school" ADD CONSTRAINT "school_establishment_id_fkey" FOREIGN KEY ("establishment_id") REFERENCES "establishment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "student_profile" ADD CONSTRAINT "student_profile_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "student_profile" ADD CONSTRAINT "student_profile_establishment_id_fkey" FOREIGN KEY ("establishment_id") REFERENCES "establishment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "offer" ADD CONSTRAINT "offer_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "offer" ADD CONSTRAINT "offer_rome_code_fkey" FOREIGN KEY ("rome_code") REFERENCES "rome_fiche"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "offer" ADD CONSTRAINT "offer_commune_code_fkey" FOREIGN KEY ("commune_code") REFERENCES "commune"("insee_code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "offer" ADD CONSTRAINT "offer_territory_id_fkey" FOREIGN KEY ("territory_id") REFERENCES "territory"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application" ADD CONSTRAINT "application_offer_id_fkey" FOREIGN KEY ("offer_id") REFERENCES "offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application" ADD CONSTRAINT "application_student_id_fkey" FOREIGN KEY ("student_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application_status_change" ADD CONSTRAINT "application_status_change_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application_status_change" ADD CONSTRAINT "application_status_change_by_user_id_fkey" FOREIGN KEY ("by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "placement" ADD CONSTRAINT "placement_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "placement" ADD CONSTRAINT "placement_offer_id_fkey" FOREIGN KEY ("offer_id") REFERENCES "offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "placement" ADD CONSTRAINT "placement_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "placement" ADD CONSTRAINT "placement_territory_id_fkey" FOREIGN KEY ("territory_id") REFERENCES "territory"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "territory_monthly_stat" ADD CONSTRAINT "territory_monthly_stat_territory_id_fkey" FOREIGN KEY ("territory_id") REFERENCES "territory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "school_promotion" ADD CONSTRAINT "school_promotion_school_id_fkey" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "school_promotion" ADD CONSTRAINT "school_promotion_offer_id_fkey" FOREIGN KEY ("offer_id") REFERENCES "offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "school_promotion" ADD CONSTRAINT "school_promotion_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "saved_search" ADD CONSTRAINT "saved_search_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
