import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "#app/platform/db.server";
import { resolveCommune } from "#app/reference/geography.server";
import { forgetTerritoryPhases } from "#app/territories/phases.server";
import { setDatabase } from "#app/platform/db.server";
import { importReferenceData, importReferenceDataIfEmpty } from "#prisma/import-reference";
import { importTerritories } from "#prisma/import-territories";
import { openTestDatabase } from "./support";

describe("reference data", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
    setDatabase(database);
  });
  afterAll(async () => {
    setDatabase(undefined);
    await database.close();
  });

  test("holds both phases: 149 territories in 2019–2022, 183 in 2023–2027 (641 members: 626 EPCI, 3 EPT, 12 communes)", async () => {
    const rows = await database.sql.query<{ phase: string; territories: number; regions: number; overseas: number }>(
      `SELECT t.phase, count(*)::int AS territories, count(DISTINCT t.region_code)::int AS regions,
              count(*) FILTER (WHERE r.zone = 'drom')::int AS overseas
       FROM territory t JOIN region r ON r.code = t.region_code GROUP BY t.phase ORDER BY t.phase`,
    );
    expect(rows.map((r) => [r.phase, r.territories])).toEqual([
      ["2019-2022", 149],
      ["2023-2027", 183],
    ]);
    expect(rows[0].regions).toBe(17);
    expect(rows[1].overseas).toBeGreaterThan(0);
    const members = await database.sql.query<{ kind: string; count: number }>(
      `SELECT m.kind::text, count(*)::int AS count FROM territory_member m JOIN territory t ON t.id = m.territory_id WHERE t.phase = '2023-2027' GROUP BY 1 ORDER BY 1`,
    );
    expect(members).toEqual([
      { kind: "COMMUNE", count: 12 },
      { kind: "EPCI", count: 626 },
      { kind: "EPT", count: 3 },
    ]);
  });

  test("every territory of both phases has its outline for the map, merged and simplified at import (under 150 KB a phase)", async () => {
    const rows = await database.sql.query<{ phase: string; territories: number; outlined: number; bytes: number }>(
      `SELECT phase, count(*)::int AS territories, count(shape)::int AS outlined, sum(length(shape::text))::int AS bytes
       FROM territory GROUP BY phase ORDER BY phase`,
    );
    for (const row of rows) {
      expect(row.outlined).toBe(row.territories);
      expect(row.bytes).toBeLessThan(150_000);
    }
    const roannais = await database.prisma.territory.findUniqueOrThrow({ where: { id: "2023-2027/ti-8417" }, select: { shape: true } });
    expect(roannais.shape).toMatchObject({ type: "MultiPolygon" });
  });

  test("an id names different territories in each phase", async () => {
    const named = await database.prisma.territory.findMany({
      where: { code: "ti-8411" },
      select: { id: true, name: true },
      orderBy: { id: "asc" },
    });
    expect(named).toEqual([
      { id: "2019-2022/ti-8411", name: "Roanne - Tarare" },
      { id: "2023-2027/ti-8411", name: expect.stringMatching(/^Pays d.Evian/) },
    ]);
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

  test("has the ROME's 13 120 job titles, 15 354 skills and each fiche's definition and access conditions", async () => {
    const [counts] = await database.sql.query<{ titles: number; skills: number; withTexts: number; titlesOfH2902: number }>(
      `SELECT (SELECT count(*) FROM rome_appellation)::int AS titles,
              (SELECT count(*) FROM rome_skill)::int AS skills,
              (SELECT count(*) FROM rome_fiche WHERE definition <> '' AND access <> '')::int AS "withTexts",
              (SELECT count(*) FROM rome_appellation WHERE rome_code = 'H2902')::int AS "titlesOfH2902"`,
    );
    expect(counts).toEqual({ titles: 13120, skills: 15354, withTexts: expect.any(Number), titlesOfH2902: 25 });
    expect(counts.withTexts).toBeGreaterThan(1000);
    const [fiche] = await database.sql.query<{ definition: string }>("SELECT definition FROM rome_fiche WHERE code = 'H2902'");
    // The source doubles its apostrophes; the import does not.
    expect(fiche.definition).toMatch(/^Réalise des ouvrages, structures chaudronnés/);
    expect(fiche.definition).not.toContain("''");
  });

  test("a database from before the job titles gets them at its next start", async () => {
    await database.sql.query("DELETE FROM rome_appellation");
    await database.sql.query("DELETE FROM rome_skill");
    const logged: string[] = [];
    await importReferenceDataIfEmpty(database.sql, (line) => logged.push(line));
    const [{ titles }] = await database.sql.query<{ titles: number }>("SELECT count(*)::int AS titles FROM rome_appellation");
    expect(titles).toBe(13120);
    expect(logged.join("\n")).toMatch(/rome_appellation +\+13120 inserted/);
  });

  test("a second import changes nothing", async () => {
    const changes = await importReferenceData(database.sql);
    expect(changes.filter((c) => c.inserted + c.updated + c.deleted > 0)).toEqual([]);
  });

  test("Roanne (42187) resolves to Roannais Forez (ti-8417) in 2023–2027 and to Roanne - Tarare (ti-8411) in 2019–2022", async () => {
    const roanne = await resolveCommune(database.prisma, { inseeCode: "42187" }, { phase: "2023-2027" });
    expect(roanne?.name).toBe("Roanne");
    expect(roanne?.epci?.name).toBe("CA Roannais Agglomération");
    expect(roanne?.territory).toEqual({ id: "2023-2027/ti-8417", code: "ti-8417", name: "Roannais Forez", phase: "2023-2027" });
    expect((await resolveCommune(database.prisma, { inseeCode: "42187" }, { phase: "2019-2022" }))?.territory).toEqual({
      id: "2019-2022/ti-8411",
      code: "ti-8411",
      name: "Roanne - Tarare",
      phase: "2019-2022",
    });
    // Today the phase in force is 2023–2027.
    expect((await resolveCommune(database.prisma, { inseeCode: "42187" }))?.territory?.id).toBe("2023-2027/ti-8417");
  });

  test("Lille (59350) is in SCOT Lille Métropole (ti-3213) in 2023–2027 and in no territory in 2019–2022", async () => {
    const lille = await resolveCommune(database.prisma, { inseeCode: "59350" }, { phase: "2023-2027" });
    expect(lille?.territory).toMatchObject({ id: "2023-2027/ti-3213", name: expect.stringContaining("Lille") });
    expect((await resolveCommune(database.prisma, { inseeCode: "59350" }, { phase: "2019-2022" }))?.territory).toBeNull();
  });

  test("Vitry-sur-Seine (94081), in the Grand Paris EPT Grand-Orly Seine Bièvre, is in ti-1105 in 2023–2027", async () => {
    const vitry = await resolveCommune(database.prisma, { inseeCode: "94081" }, { phase: "2023-2027" });
    expect(vitry?.territory?.id).toBe("2023-2027/ti-1105");
    const member = await database.prisma.territoryMember.findFirstOrThrow({
      where: { territoryId: "2023-2027/ti-1105", siren: "200058014" },
    });
    expect(member.kind).toBe("EPT");
  });

  test("Fos-sur-Mer (13039), a single commune member inside the Aix-Marseille métropole, is in ti-9301 in 2019–2022", async () => {
    const fos = await resolveCommune(database.prisma, { inseeCode: "13039" }, { phase: "2019-2022" });
    expect(fos?.territory?.id).toBe("2019-2022/ti-9301");
    const members = await database.prisma.territoryMember.count({ where: { territoryId: "2019-2022/ti-9301", kind: "COMMUNE" } });
    expect(members).toBe(19);
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

  test("the Grand Paris members outside the COG's EPCI list cover their communes (EPT list)", async () => {
    const [row] = await database.sql.query<{ communes: number }>(
      "SELECT count(*)::int AS communes FROM territory_commune WHERE territory_id = '2019-2022/ti-1104'",
    );
    expect(row.communes).toBeGreaterThan(10);
  });

  test("a new phase loads beside the others without touching them, and needs its start date", async () => {
    const sample = path.join(import.meta.dirname, "../fixtures/territoires_2023_sample.csv");
    const before = await database.prisma.territory.count();
    await expect(importTerritories(database.sql, sample, "2028-2032")).rejects.toThrow(/--from/);
    await importTerritories(database.sql, sample, "2028-2032", { startsOn: "2099-01-01" });
    forgetTerritoryPhases();
    expect(await database.prisma.territory.count()).toBe(before + 2);
    expect(await database.prisma.territory.count({ where: { phaseId: "2019-2022" } })).toBe(149);
    // Not in force before its date: lookups still use 2023–2027.
    expect((await resolveCommune(database.prisma, { inseeCode: "42187" }))?.territory?.id).toBe("2023-2027/ti-8417");
    expect((await resolveCommune(database.prisma, { inseeCode: "13039" }, { phase: "2028-2032" }))?.territory?.id).toBe(
      "2028-2032/ti-9990",
    );
    await database.sql.query("DELETE FROM territory WHERE phase = '2028-2032'");
    await database.sql.query("DELETE FROM territory_phase WHERE id = '2028-2032'");
    forgetTerritoryPhases();
  });
});
