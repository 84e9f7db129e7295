// One definition per figure (issue 12): the same label gives the same number on the home page,
// /statistiques, /territoires, each territory's page and the open data, equal to one recount from
// the raw tables; the /territoires columns add up to the national "inside territories" figures;
// no public output shows a count from 1 to 4.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { setDatabase, type Database } from "#app/platform/db.server";
import { publicCount } from "#app/domain/disclosure";
import * as home from "#app/routes/home/route";
import * as statistics from "#app/routes/statistiques/route";
import * as territoryPage from "#app/routes/territoires/detail";
import * as territoryList from "#app/routes/territoires/list";
import { territoryFigures } from "#app/statistics/uptake.server";
import { seedDemoWorld } from "#prisma/demo/seed";
import { openTestDatabase } from "./support";

let database: Database;
const load = async <T>(loader: (args: never) => Promise<T>, path = "/", params: Record<string, string> = {}): Promise<T> =>
  loader({ request: new Request(`http://127.0.0.1${path}`), context: { session: null, clientIp: "127.0.0.1" }, params } as never);

/** Every number a public loader returns under a figure's name. */
function publicNumbers(value: unknown, found: number[] = []): number[] {
  if (typeof value === "number") found.push(value);
  else if (Array.isArray(value)) for (const item of value) publicNumbers(item, found);
  else if (value && typeof value === "object")
    for (const [key, item] of Object.entries(value))
      if (!/^(month|mois|id|code|regionCode|territories|total|communeCount|population|members)$/.test(key)) publicNumbers(item, found);
  return found;
}

beforeAll(async () => {
  database = await openTestDatabase();
  setDatabase(database);
  await seedDemoWorld(database.sql, { offers: 3000, seed: 4 });
}, 120_000);
afterAll(async () => {
  setDatabase(undefined);
  await database.close();
});

describe("one figure, one number", () => {
  test("home, /statistiques and a recount of the raw tables agree", async () => {
    const recount = (
      await database.sql.query<Record<string, number>>(
        `SELECT (SELECT count(*) FROM offer WHERE status = 'PUBLISHED')::int AS offers,
              (SELECT count(*) FROM application)::int AS applications,
              (SELECT count(*) FROM placement)::int AS placements,
              (SELECT count(*) FROM placement WHERE vte_label)::int AS vte,
              (SELECT count(*) FROM company)::int AS companies`,
      )
    )[0];
    const homePage = await load(home.loader);
    const stats = await load(statistics.loader, "/statistiques");
    expect(homePage.publishedOffers).toBe(publicCount(recount.offers));
    expect(stats.whole).toMatchObject({
      publishedOffers: publicCount(recount.offers),
      applications: publicCount(recount.applications),
      placements: publicCount(recount.placements),
      vtePlacements: publicCount(recount.vte),
      companies: publicCount(recount.companies),
    });
  });

  test("the /territoires columns add up to the national figures inside the territories of the phase", async () => {
    const stats = await load(statistics.loader, "/statistiques");
    const rows = await territoryFigures(stats.phase);
    const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((total, r) => total + pick(r), 0);
    expect(rows).toHaveLength(183);
    expect(stats.inside).toMatchObject({
      placements: publicCount(sum((r) => r.placements)),
      vtePlacements: publicCount(sum((r) => r.vtePlacements)),
      publishedOffers: publicCount(sum((r) => r.publishedOffers)),
      companies: publicCount(sum((r) => r.companies)),
    });
    const [inside] = await database.sql.query<{ placements: number; offers: number }>(
      `SELECT (SELECT count(*) FROM placement p JOIN territory t ON t.id = p.territory_id WHERE t.phase = $1)::int AS placements,
              (SELECT count(*) FROM offer o JOIN territory t ON t.id = o.territory_id WHERE t.phase = $1 AND o.status = 'PUBLISHED')::int AS offers`,
      [stats.phase],
    );
    expect(stats.inside.placements).toBe(publicCount(inside.placements));
    expect(stats.inside.publishedOffers).toBe(publicCount(inside.offers));
  });

  test("a territory's page shows its recounted figures", async () => {
    const busiest = await database.prisma.territory.findFirstOrThrow({
      where: { phaseId: "2023-2027" },
      orderBy: { publishedOfferCount: "desc" },
    });
    const [code, phase] = [busiest.code, busiest.phaseId];
    const page = await load(territoryPage.loader, `/territoires/${phase}/${code}`, { phase, code });
    const placements = await database.prisma.placement.count({ where: { territoryId: busiest.id } });
    expect(page.statistics.placementCount).toBe(publicCount(placements));
    const offers = await database.prisma.offer.count({ where: { territoryId: busiest.id, status: "PUBLISHED" } });
    expect(offers).toBeGreaterThanOrEqual(5);
    expect(page.statistics.publishedOfferCount).toBe(offers);
  });
});

describe("small counts", () => {
  test("no public page's figures, chart values or table cells hold a count from 1 to 4", async () => {
    const outputs: unknown[] = [
      await load(home.loader),
      await load(statistics.loader, "/statistiques"),
      await load(territoryList.loader, "/territoires"),
    ];
    const territories = await database.prisma.territory.findMany({
      where: { phaseId: "2023-2027" },
      take: 40,
      orderBy: { placementCount: "asc" },
    });
    for (const t of territories)
      outputs.push(
        (await load(territoryPage.loader, `/territoires/${t.phaseId}/${t.code}`, { phase: t.phaseId, code: t.code })).statistics,
      );
    const numbers = outputs.flatMap((output) => publicNumbers(output));
    expect(numbers.length).toBeGreaterThan(100);
    expect(numbers.filter((n) => n >= 1 && n <= 4)).toEqual([]);
  });

  test("/territoires opens on a map of the 183 territories in force, each shaded by its published figure", async () => {
    const page = await load(territoryList.loader, "/territoires");
    expect(page.map?.shapes).toHaveLength(183);
    for (const shape of page.map?.shapes ?? []) {
      expect(shape.path).toMatch(/^M[\d.,LZM-]+$/);
      expect(shape.value).toBe(page.rows.find((row) => row.id === shape.key)?.placements);
    }
    const offers = await load(territoryList.loader, "/territoires?carte=offres");
    expect(offers.map?.figure).toBe("offres");
    const old = await load(territoryList.loader, "/territoires?phase=2019-2022");
    expect(old.map?.shapes).toHaveLength(149);
  });

  test("no column of the /territoires table has exactly one hidden cell", async () => {
    const page = await load(territoryList.loader, "/territoires");
    for (const key of ["placements", "vtePlacements", "greenPlacements", "publishedOffers", "companies"] as const) {
      expect(page.rows.filter((row) => row[key] === null).length, key).not.toBe(1);
    }
  });
});
