import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "../../app/db.server";
import { resolveCommune } from "../../app/geography.server";
import { defaultTerritoriesFile, importReferenceData, importTerritories } from "../../prisma/import-reference";
import { openTestDatabase } from "./support";

describe("reference data", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  test("holds the 149 Territoires d'industrie of the first phase, in 17 regions overseas included", async () => {
    const [row] = await database.sql.query<{ territories: number; regions: number; overseas: number }>(
      `SELECT count(*)::int AS territories, count(DISTINCT t.region_code)::int AS regions,
              count(*) FILTER (WHERE r.zone = 'drom')::int AS overseas
       FROM territory t JOIN region r ON r.code = t.region_code WHERE t.active`,
    );
    expect(row.territories).toBe(149);
    expect(row.regions).toBe(17);
    expect(row.overseas).toBeGreaterThan(0);
  });

  test("has the 18 regions, the departments, the EPCI, the communes, NAF and ROME", async () => {
    const [counts] = await database.sql.query<Record<string, number>>(
      `SELECT (SELECT count(*) FROM region WHERE zone <> 'com')::int AS regions,
              (SELECT count(*) FROM department WHERE code ~ '^[0-9][0-9AB]')::int AS departments,
              (SELECT count(*) FROM epci)::int AS epci,
              (SELECT count(*) FROM commune)::int AS communes,
              (SELECT count(*) FROM commune WHERE latitude IS NOT NULL)::int AS located,
              (SELECT count(*) FROM naf_code WHERE level = 'sous-classe')::int AS naf,
              (SELECT count(*) FROM rome_fiche)::int AS rome,
              (SELECT count(*) FROM rome_fiche WHERE ecological_transition)::int AS green,
              (SELECT count(*) FROM establishment)::int AS establishments`,
    );
    expect(counts.regions).toBe(18);
    expect(counts.departments).toBeGreaterThanOrEqual(101);
    expect(counts.epci).toBe(1255);
    expect(counts.communes).toBe(34969);
    expect(counts.located / counts.communes).toBeGreaterThan(0.99);
    expect(counts.naf).toBe(732);
    expect(counts.rome).toBe(1584);
    expect(counts.green).toBe(357);
    expect(counts.establishments).toBe(246);
  });

  test("a second import changes nothing", async () => {
    const changes = await importReferenceData(database.sql);
    expect(changes.filter((c) => c.inserted + c.updated + c.deleted > 0)).toEqual([]);
  });

  test("Roanne (42187) is in CA Roannais Agglomération and the territory ti-8411 Roanne - Tarare", async () => {
    const roanne = await resolveCommune(database.prisma, { inseeCode: "42187" });
    expect(roanne?.name).toBe("Roanne");
    expect(roanne?.epci?.name).toBe("CA Roannais Agglomération");
    expect(roanne?.territory).toEqual({ id: "ti-8411", name: "Roanne - Tarare" });
  });

  test("Fos-sur-Mer (13039), a single commune member inside the Aix-Marseille métropole, is in ti-9301", async () => {
    const fos = await resolveCommune(database.prisma, { inseeCode: "13039" });
    expect(fos?.territory?.id).toBe("ti-9301");
    const members = await database.prisma.territoryMember.count({ where: { territoryId: "ti-9301", kind: "COMMUNE" } });
    expect(members).toBe(19);
    // Marseille itself is in the métropole but not a member: no territory.
    expect((await resolveCommune(database.prisma, { inseeCode: "13055" }))?.territory).toBeNull();
  });

  test("Paris (75056) and its arrondissements resolve to no territory", async () => {
    const paris = await resolveCommune(database.prisma, { inseeCode: "75056" });
    expect(paris?.name).toBe("Paris");
    expect(paris?.territory).toBeNull();
    expect((await resolveCommune(database.prisma, { inseeCode: "75108" }))?.inseeCode).toBe("75056");
  });

  test("a commune is found by postal code and name, typed loosely", async () => {
    expect((await resolveCommune(database.prisma, { postalCode: "42300", name: "roanne" }))?.inseeCode).toBe("42187");
    expect((await resolveCommune(database.prisma, { postalCode: "42000", name: "st etienne" }))?.inseeCode).toBe("42218");
    expect((await resolveCommune(database.prisma, { postalCode: "13270" }))?.inseeCode).toBe("13039");
    expect(await resolveCommune(database.prisma, { postalCode: "99999", name: "Nulle part" })).toBeNull();
    expect(await resolveCommune(database.prisma, { inseeCode: "00000" })).toBeNull();
  });

  test("the Grand Paris members outside the COG still cover their communes (2020 list)", async () => {
    const [row] = await database.sql.query<{ communes: number }>(
      "SELECT count(*)::int AS communes FROM territory_commune WHERE territory_id = 'ti-1104'",
    );
    expect(row.communes).toBeGreaterThan(10);
  });

  test("a newer territory list replaces the old one in lookups, and the old list can be loaded back", async () => {
    const sample = path.join(import.meta.dirname, "../fixtures/territoires_2023_sample.csv");
    const elsewhere = await database.prisma.territoryCommune.findFirstOrThrow({ where: { territoryId: "ti-3204" } });
    await importTerritories(database.sql, sample, "2023-2027");
    expect(await database.prisma.territory.count({ where: { active: true } })).toBe(2);
    expect((await resolveCommune(database.prisma, { inseeCode: "13039" }))?.territory?.id).toBe("ti-9990");
    expect((await resolveCommune(database.prisma, { inseeCode: "42187" }))?.territory?.id).toBe("ti-8411");
    // A territory of the old list is kept (offers point to it) but no longer matches.
    expect((await resolveCommune(database.prisma, { inseeCode: elsewhere.communeCode }))?.territory).toBeNull();

    await importTerritories(database.sql, defaultTerritoriesFile, "2019-2022");
    expect(await database.prisma.territory.count({ where: { active: true } })).toBe(149);
    expect((await resolveCommune(database.prisma, { inseeCode: "13039" }))?.territory?.id).toBe("ti-9301");
    expect((await resolveCommune(database.prisma, { inseeCode: elsewhere.communeCode }))?.territory?.id).toBe("ti-3204");
  });
});
