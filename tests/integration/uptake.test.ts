// The operators' dashboard figures against counts PostgreSQL computes another way, with filters.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { setDatabase, type Database } from "#app/platform/db.server";
import { lastMonths, uptake } from "#app/statistics/uptake.server";
import { seedDemoWorld } from "#prisma/demo/seed";
import { openTestDatabase } from "./support";

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

describe("uptake", () => {
  test.each([
    [{ months: 12 }],
    [{ months: 24, region: "84", section: "C" }],
    [{ months: 12, territory: "2023-2027/ti-8417" }],
    [{ months: 36, schoolKind: "ENGINEERING" as const, region: "84" }],
  ])("figures for %o equal the counts of the raw tables", async (filters) => {
    const since = lastMonths(filters.months)[0];
    const prisma = database.prisma;
    const offerWhere = {
      ...("region" in filters ? { regionCode: filters.region } : {}),
      ...("territory" in filters ? { territoryId: filters.territory } : {}),
      ...("section" in filters ? { company: { nafSection: filters.section } } : {}),
    };
    const figures = await uptake(filters);
    expect(figures.series).toHaveLength(filters.months);
    expect(figures.totals.offers).toBe(await prisma.offer.count({ where: { ...offerWhere, publishedAt: { gte: since } } }));
    expect(figures.totals.applications).toBe(
      await prisma.application.count({
        where: {
          createdAt: { gte: since },
          offer: offerWhere,
          ...("schoolKind" in filters ? { student: { studentProfile: { schoolKind: filters.schoolKind } } } : {}),
        },
      }),
    );
    expect(figures.totals.placements).toBe(
      await prisma.placement.count({
        where: {
          createdAt: { gte: since },
          ...("region" in filters ? { regionCode: filters.region } : {}),
          ...("territory" in filters ? { territoryId: filters.territory } : {}),
          ...("section" in filters ? { nafSection: filters.section } : {}),
          ...("schoolKind" in filters ? { schoolKind: filters.schoolKind } : {}),
        },
      }),
    );
    expect(figures.totals.offers + figures.totals.applications).toBeGreaterThan(0);
  });
});
