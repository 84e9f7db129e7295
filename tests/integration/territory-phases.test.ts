// Both phases of the Territoires d'industrie kept apart (issue 12): a database made before phases
// existed migrates without losing a placement, the phase in force moves companies and offers but
// not placements, and the statistics stay exact.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { setDatabase, type Database } from "#app/platform/db.server";
import { statisticsDifferences } from "#app/statistics/statistics.server";
import { getTerritory, territoryOfBareCode } from "#app/territories/territories.server";
import { forgetTerritoryPhases } from "#app/territories/phases.server";
import { reresolveTerritories } from "#app/territories/reresolve.server";
import { importReferenceData } from "#prisma/import-reference";
import { importMissingTerritoryLists } from "#prisma/import-territories";
import { migrate, readMigrationFiles } from "#prisma/migrate";
import { openTestDatabase } from "./support";

const phasesMigration = "20261130023625_territory_phases";
let database: Database;

beforeAll(async () => {
  database = await openTestDatabase({ empty: true });
  // The schema as it was before phases, with the reference data of the time.
  const files = await readMigrationFiles();
  await migrate(
    database.sql,
    files.slice(
      0,
      files.findIndex((f) => f.name === phasesMigration),
    ),
  );
  // Today's import stops at the territories (their table had no phase key then): what it loaded
  // before is the regions, communes, EPCI, NAF and ROME the old database had too.
  await expect(importReferenceData(database.sql)).rejects.toThrow(/code|territory_phase/);
  const sql = database.sql;
  await sql.query(
    `INSERT INTO territory (id, name, region_code, phase, active) VALUES ('ti-8411', 'Roanne - Tarare', '84', '2019-2022', true)`,
  );
  await sql.query(
    `INSERT INTO territory_commune (territory_id, commune_code, member_siren)
     SELECT 'ti-8411', insee_code, epci_siren FROM commune WHERE epci_siren = (SELECT epci_siren FROM commune WHERE insee_code = '42187')`,
  );
  await sql.query(`INSERT INTO app_user (id, email, password_hash, role, first_name, last_name, updated_at) VALUES
    ('old-member', 'rh@forges-roanne.fr', 'x', 'COMPANY_MEMBER', 'Paul', 'Morel', now()),
    ('old-student', 'lea@ecole.fr', 'x', 'STUDENT', 'Léa', 'Roux', now())`);
  await sql.query(`INSERT INTO company (id, siren, name, naf_code, naf_section, size_band, commune_code, territory_id, updated_at)
    VALUES ('old-company', '552081317', 'Forges de Roanne', '25.62B', 'C', 'PME', '42187', 'ti-8411', now())`);
  await sql.query(`INSERT INTO offer (id, company_id, title, description, rome_code, contract_type, start_date, degree_level, school_kinds, commune_code, territory_id, region_code, department_code, status, vte_eligible, vte_territory, published_at, updated_at)
    VALUES ('old-offer', 'old-company', 'Ingénieur méthodes', 'Une offre publiée avant les phases.', 'H1206', 'CDI', DATE '2023-03-01', 'BAC5', '{ENGINEERING}', '42187', 'ti-8411', '84', '42', 'FILLED', true, true, TIMESTAMP '2023-01-10', now())`);
  await sql.query(
    `INSERT INTO application (id, offer_id, student_id, message, status, updated_at) VALUES ('old-application', 'old-offer', 'old-student', 'Bonjour, je candidate.', 'HIRED', now())`,
  );
  await sql.query(`INSERT INTO placement (id, application_id, offer_id, company_id, student_id, territory_id, region_code, naf_section, school_kind, contract_type, start_date, vte_label, vte_green, created_at)
    VALUES ('old-placement', 'old-application', 'old-offer', 'old-company', 'old-student', 'ti-8411', '84', 'C', 'ENGINEERING', 'CDI', DATE '2023-03-01', true, false, TIMESTAMP '2023-02-15')`);
  await sql.query(`UPDATE territory SET placement_count = 1, vte_placement_count = 1, application_count = 1 WHERE id = 'ti-8411'`);
  await sql.query(
    `INSERT INTO territory_monthly_stat (territory_id, month, naf_section, school_kind, placements, vte_placements, green_placements) VALUES ('ti-8411', DATE '2023-02-01', 'C', 'ENGINEERING', 1, 1, 0)`,
  );
  await sql.query(
    `INSERT INTO student_profile (user_id, school_kind, degree_level, field, status, wished_territory_ids, updated_at) VALUES ('old-student', 'ENGINEERING', 'BAC5', 'Génie industriel', 'WORK_STUDY', '{ti-8411}', now())`,
  );
  await sql.query(
    `INSERT INTO saved_search (id, user_id, name, query, frequency) VALUES ('old-alert', 'old-student', 'Roanne', 'territoire=ti-8411&contrat=cdi', 'WEEKLY')`,
  );

  // Today's start: the remaining migrations, then the lists the database does not have yet.
  expect(await migrate(database.sql)).toContain(phasesMigration);
  await importMissingTerritoryLists(database.sql, () => {});
  setDatabase(database);
  forgetTerritoryPhases();
}, 180_000);
afterAll(async () => {
  setDatabase(undefined);
  await database.close();
});

describe("a database made before phases", () => {
  test("keeps Roanne - Tarare's placement in Roanne - Tarare, 2019–2022, and its statistics need no correction", async () => {
    const placement = await database.prisma.placement.findUniqueOrThrow({ where: { id: "old-placement" }, include: { territory: true } });
    expect(placement.territory).toMatchObject({ id: "2019-2022/ti-8411", code: "ti-8411", name: "Roanne - Tarare", phaseId: "2019-2022" });
    expect(await database.prisma.territory.findUniqueOrThrow({ where: { id: "2019-2022/ti-8411" } })).toMatchObject({
      placementCount: 1,
      vtePlacementCount: 1,
    });
    expect(await statisticsDifferences(database.sql)).toEqual([]);
    // The other ti-8411 is another territory, with nothing of Roanne's.
    expect(await database.prisma.territory.findUniqueOrThrow({ where: { id: "2023-2027/ti-8411" } })).toMatchObject({
      name: expect.stringMatching(/Evian/),
      placementCount: 0,
    });
    expect(await database.prisma.territory.count({ where: { phaseId: "2023-2027" } })).toBe(183);
    // Both phases got their outlines at start, so the map draws every territory.
    const outlines = await database.sql.query<{ phase: string; missing: number }>(
      "SELECT phase, count(*) FILTER (WHERE shape IS NULL)::int AS missing FROM territory GROUP BY phase ORDER BY phase",
    );
    expect(outlines).toEqual([
      { phase: "2019-2022", missing: 0 },
      { phase: "2023-2027", missing: 0 },
    ]);
  });

  test("the bare link /territoires/ti-8411 still names Roanne - Tarare, whose page says Roannais Forez succeeds it", async () => {
    expect(await territoryOfBareCode("ti-8411")).toBe("2019-2022/ti-8411");
    const roanne = await getTerritory("2019-2022/ti-8411");
    expect(roanne?.inForce).toBe(false);
    expect(roanne?.lineage.map((t) => [t.id, t.name])).toContainEqual(["2023-2027/ti-8417", "Roannais Forez"]);
  });

  test("re-resolving moves the company, the offer, the wish and the alert to Roannais Forez, not the placement; a second run moves nothing", async () => {
    const report = await reresolveTerritories(database.sql, "2023-2027");
    expect(report).toMatchObject({ companies: 1, offers: 1, reindexed: 0, wishes: 1, savedSearches: 1 });
    expect((await database.prisma.company.findUniqueOrThrow({ where: { id: "old-company" } })).territoryId).toBe("2023-2027/ti-8417");
    expect((await database.prisma.offer.findUniqueOrThrow({ where: { id: "old-offer" } })).territoryId).toBe("2023-2027/ti-8417");
    expect((await database.prisma.placement.findUniqueOrThrow({ where: { id: "old-placement" } })).territoryId).toBe("2019-2022/ti-8411");
    expect((await database.prisma.studentProfile.findUniqueOrThrow({ where: { userId: "old-student" } })).wishedTerritoryIds).toEqual([
      "2023-2027/ti-8417",
    ]);
    expect(
      new URLSearchParams((await database.prisma.savedSearch.findUniqueOrThrow({ where: { id: "old-alert" } })).query).getAll("territoire"),
    ).toEqual(["2023-2027/ti-8417"]);
    // The application now counts where its offer is; the placement where it was hired.
    expect(await database.prisma.territory.findUniqueOrThrow({ where: { id: "2023-2027/ti-8417" } })).toMatchObject({
      applicationCount: 1,
      placementCount: 0,
    });
    expect(await database.prisma.territory.findUniqueOrThrow({ where: { id: "2019-2022/ti-8411" } })).toMatchObject({
      applicationCount: 0,
      placementCount: 1,
    });
    expect(await statisticsDifferences(database.sql)).toEqual([]);
    expect(await reresolveTerritories(database.sql, "2023-2027")).toMatchObject({
      companies: 0,
      offers: 0,
      wishes: 0,
      savedSearches: 0,
      territoriesRecounted: 0,
    });
  });
});
