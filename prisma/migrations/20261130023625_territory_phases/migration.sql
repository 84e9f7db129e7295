-- Territories are identified by their phase and their id: ids are reused between phases for other
-- territories (ti-8411 is Roanne - Tarare in 2019-2022, Pays d'Evian in 2023-2027). The key becomes
-- "<phase>/<id>"; every reference to it (companies, offers, placements, statistics, members,
-- communes) follows through ON UPDATE CASCADE, so what exists keeps its territory and phase.

-- AlterEnum
ALTER TYPE "TerritoryMemberKind" ADD VALUE 'EPT';

-- CreateTable
CREATE TABLE "territory_phase" (
    "id" TEXT NOT NULL,
    "starts_on" DATE NOT NULL,
    "source" TEXT NOT NULL,

    CONSTRAINT "territory_phase_pkey" PRIMARY KEY ("id")
);

INSERT INTO "territory_phase" ("id", "starts_on", "source") VALUES
  ('2019-2022', DATE '2019-01-01', 'The first list (149 territories, ANCT, arrêtés fin 2022); the phase is named 2019-2022, from the start of that name.'),
  ('2023-2027', DATE '2023-11-01', 'The 183 territories labelled in November 2023 (ANCT list 2023-2027, prisma/data/SOURCES.md); the first day of that month, the exact day not being in the reference data.');

-- Phases a database already names (a list loaded earlier) exist too.
INSERT INTO "territory_phase" ("id", "starts_on", "source")
SELECT DISTINCT "phase", DATE '2019-01-01', 'A list loaded before phases were recorded.' FROM "territory"
ON CONFLICT ("id") DO NOTHING;

-- AlterTable
ALTER TABLE "territory" ADD COLUMN "code" TEXT;
UPDATE "territory" SET "code" = "id", "id" = "phase" || '/' || "id";
ALTER TABLE "territory" ALTER COLUMN "code" SET NOT NULL;
ALTER TABLE "territory" DROP COLUMN "active";

-- Wished territories were ids of the list then in force.
UPDATE "student_profile" SET "wished_territory_ids" = ARRAY(
  SELECT t."id" FROM unnest("wished_territory_ids") AS w(code) JOIN "territory" t ON t."code" = w.code AND t."phase" = '2019-2022'
) WHERE cardinality("wished_territory_ids") > 0;

-- CreateIndex
CREATE UNIQUE INDEX "territory_phase_code_key" ON "territory"("phase", "code");

-- AddForeignKey
ALTER TABLE "territory" ADD CONSTRAINT "territory_phase_fkey" FOREIGN KEY ("phase") REFERENCES "territory_phase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
