-- AlterTable
ALTER TABLE "offer" ADD COLUMN     "appellation_code" TEXT;

-- AlterTable
ALTER TABLE "rome_fiche" ADD COLUMN     "access" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "definition" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "rome_appellation" (
    "code" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "rome_code" TEXT NOT NULL,
    "ecological_transition" BOOLEAN NOT NULL,
    "ecological_transition_label" TEXT,
    "rarely_used" BOOLEAN NOT NULL,

    CONSTRAINT "rome_appellation_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "rome_skill" (
    "code" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "subcategory" TEXT NOT NULL,

    CONSTRAINT "rome_skill_pkey" PRIMARY KEY ("code")
);

-- CreateIndex
CREATE INDEX "rome_appellation_rome_code_idx" ON "rome_appellation"("rome_code");

-- AddForeignKey
ALTER TABLE "rome_appellation" ADD CONSTRAINT "rome_appellation_rome_code_fkey" FOREIGN KEY ("rome_code") REFERENCES "rome_fiche"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "offer" ADD CONSTRAINT "offer_appellation_code_fkey" FOREIGN KEY ("appellation_code") REFERENCES "rome_appellation"("code") ON DELETE SET NULL ON UPDATE CASCADE;
