// The operators' dashboard figures against counts PostgreSQL computes another way, with filters.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { setDatabase, type Database } from "#app/platform/db.server";
import { lastMonths, uptake } from "#app/statistics/uptake.server";
import { seedDemoWorld } from "#prisma/demo/seed";
import * as dashboard from "#app/routes/pilotage/accueil";
import * as exportRoute from "#app/routes/pilotage/export";
import { callRoute, contextOf, openTestDatabase, type RouteHandler } from "./support";

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
  setDatabase(database);
  await seedDemoWorld(database.sql, { offers: 3000, seed: 13 });
}, 120_000);
afterAll(async () => {
  setDatabase(undefined);
  await database.close();
});

/** Where the seeded world hired most since `months` ago, so that each filter has placements to count. */
async function busiest(column: "territory_id" | "region_code", months: number, where = "TRUE"): Promise<string> {
  const since = lastMonths(months)[0];
  const [row] = await database.sql.query<{ value: string }>(
    `SELECT ${column} AS value FROM placement WHERE created_at >= $1 AND ${column} IS NOT NULL AND ${where}
     GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    [since],
  );
  return row.value;
}

describe("uptake", () => {
  test("figures for several filters equal the counts of the raw tables, each with something to count", async () => {
    const region = await busiest("region_code", 24, "naf_section = 'C'");
    const filterSets: Parameters<typeof uptake>[0][] = [
      { months: 12 },
      { months: 24, region, section: "C" },
      { months: 12, territory: await busiest("territory_id", 12) },
      { months: 36, schoolKind: "ENGINEERING", region: await busiest("region_code", 36, "school_kind = 'ENGINEERING'") },
    ];
    for (const filters of filterSets) await expectRecount(filters);
  });
});

async function expectRecount(filters: Parameters<typeof uptake>[0]) {
  const since = lastMonths(filters.months)[0];
  const prisma = database.prisma;
  const offerWhere = {
    ...(filters.region ? { regionCode: filters.region } : {}),
    ...(filters.territory ? { territoryId: filters.territory } : {}),
    ...(filters.section ? { company: { nafSection: filters.section } } : {}),
  };
  const figures = await uptake(filters);
  expect(figures.series).toHaveLength(filters.months);
  expect(figures.totals.offers).toBe(await prisma.offer.count({ where: { ...offerWhere, publishedAt: { gte: since } } }));
  expect(figures.totals.applications).toBe(
    await prisma.application.count({
      where: {
        createdAt: { gte: since },
        offer: offerWhere,
        ...(filters.schoolKind ? { student: { studentProfile: { schoolKind: filters.schoolKind } } } : {}),
      },
    }),
  );
  expect(figures.totals.placements).toBe(
    await prisma.placement.count({
      where: {
        createdAt: { gte: since },
        ...(filters.region ? { regionCode: filters.region } : {}),
        ...(filters.territory ? { territoryId: filters.territory } : {}),
        ...(filters.section ? { nafSection: filters.section } : {}),
        ...(filters.schoolKind ? { schoolKind: filters.schoolKind } : {}),
      },
    }),
  );
  // Each figure is compared with something: a filter that left nothing to count would prove nothing.
  expect(figures.totals.offers, JSON.stringify(filters)).toBeGreaterThan(0);
  expect(figures.totals.applications, JSON.stringify(filters)).toBeGreaterThan(0);
  expect(figures.totals.placements, JSON.stringify(filters)).toBeGreaterThan(0);
}

describe("the dashboard's tables and filters", () => {
  const operator = contextOf({ id: "operateur", email: "operateur@vte.test", role: "OPERATOR" });

  test("the CSV exports hold every territory and school with placements, not only the ten on the page", async () => {
    const url = "/pilotage/export/territoires.csv?periode=36";
    const territories = await callRoute(exportRoute.loader as RouteHandler, operator, url, { params: { table: "territoires" } });
    const lines = (await (territories.body as Response).text()).trim().split("\n");
    const [{ count }] = await database.sql.query<{ count: number }>(
      "SELECT count(DISTINCT territory_id)::int AS count FROM placement WHERE territory_id IS NOT NULL AND created_at >= $1",
      [lastMonths(36)[0]],
    );
    expect(count).toBeGreaterThan(10);
    expect(lines).toHaveLength(count + 1);
    const schools = await callRoute(exportRoute.loader as RouteHandler, operator, "/pilotage/export/ecoles.csv?periode=36", {
      params: { table: "ecoles" },
    });
    expect((await (schools.body as Response).text()).trim().split("\n").length).toBeGreaterThan(11);
  });

  test("a chosen region narrows the territory list, and a territory of another region is said, not answered with zeros", async () => {
    const page = async (query: string) =>
      (await callRoute(dashboard.loader as RouteHandler, operator, `/pilotage${query}`)).body as Awaited<
        ReturnType<typeof dashboard.loader>
      >;
    const all = await page("");
    const inAura = await page("?region=84");
    expect(inAura.choices.territories.length).toBeGreaterThan(0);
    expect(inAura.choices.territories.length).toBeLessThan(all.choices.territories.length);
    const [finistere] = await database.sql.query<{ id: string }>(
      "SELECT t.id FROM territory t WHERE t.region_code = '53' AND t.phase = (SELECT phase FROM territory WHERE id = $1)",
      [inAura.choices.territories[0].value],
    );
    expect(inAura.choices.territories.map((t) => t.value)).not.toContain(finistere.id);
    const mixed = await page(`?region=84&territoire=${finistere.id}`);
    expect(mixed.mismatch).toMatch(/n'est pas en Auvergne-Rhône-Alpes/);
    expect((await page(`?region=84&territoire=${inAura.choices.territories[0].value}`)).mismatch).toBeNull();
  });
});
