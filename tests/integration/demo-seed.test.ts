import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Meilisearch } from "meilisearch";
import type { Database } from "#app/platform/db.server";
import { isValidSiren } from "#app/domain/siren";
import { resolveCommune } from "#app/reference/geography.server";
import { runOutboxBatch } from "#app/platform/outbox.server";
import { seedDemoWorld } from "#prisma/demo/seed";
import { reindexOffers } from "#search/reindex";
import { openTestDatabase, testSearchClient, uniqueIndexName } from "./support";

describe("the demo world", () => {
  let database: Database;
  let search: Meilisearch;
  const indexName = uniqueIndexName("offers_demo");
  const today = new Date("2026-11-22T00:00:00Z");

  beforeAll(async () => {
    database = await openTestDatabase();
    search = testSearchClient();
    await seedDemoWorld(database.sql, { offers: 400, seed: 7, today });
  });
  afterAll(async () => {
    await search
      .deleteIndex(indexName)
      .waitTask({ timeout: 60_000 })
      .catch(() => {});
    await database.close();
  });

  test("companies have valid SIRENs and sit in real communes whose territory they carry", async () => {
    const companies = await database.prisma.company.findMany({ where: { id: { startsWith: "demo-" } } });
    expect(companies.length).toBeGreaterThanOrEqual(20);
    expect(companies.every((c) => isValidSiren(c.siren))).toBe(true);
    for (const company of companies.slice(0, 10)) {
      const commune = await resolveCommune(database.prisma, { inseeCode: company.communeCode }, { phase: "2023-2027" });
      expect(commune).not.toBeNull();
      expect(company.territoryId).toBe(commune?.territory?.id ?? null);
    }
    const inTerritory = companies.filter((c) => c.territoryId).length;
    expect(inTerritory / companies.length).toBeGreaterThan(0.7);
  });

  test("no application, stage or hire is dated after the day the world was made", async () => {
    const prisma = database.prisma;
    const after = { gt: today };
    expect(await prisma.application.count({ where: { OR: [{ createdAt: after }, { updatedAt: after }, { viewedAt: after }] } })).toBe(0);
    expect(await prisma.applicationStatusChange.count({ where: { createdAt: after } })).toBe(0);
    expect(await prisma.placement.count({ where: { createdAt: after } })).toBe(0);
    expect(await prisma.placement.count()).toBeGreaterThan(0);
  });

  test("offers are in French, with ROME fiches of the reference and the VTE decision stored", async () => {
    const offers = await database.prisma.offer.findMany({ where: { id: { startsWith: "demo-" } }, include: { rome: true } });
    expect(offers).toHaveLength(400);
    expect(offers.every((o) => o.rome.label.length > 0)).toBe(true);
    expect(offers.some((o) => /Vos missions :/.test(o.description))).toBe(true);
    const internship = offers.find((o) => o.contractType === "STAGE_PRE_VTE");
    expect(internship?.vteEligible).toBe(false);
    expect(offers.filter((o) => o.status === "PUBLISHED").length).toBeGreaterThan(250);
  });

  test("the same seed gives the same world", async () => {
    const before = await database.prisma.offer.findMany({
      where: { id: { startsWith: "demo-" } },
      select: { id: true, title: true, communeCode: true },
      orderBy: { id: "asc" },
    });
    await seedDemoWorld(database.sql, { offers: 400, seed: 7, today });
    const after = await database.prisma.offer.findMany({
      where: { id: { startsWith: "demo-" } },
      select: { id: true, title: true, communeCode: true },
      orderBy: { id: "asc" },
    });
    expect(after).toEqual(before);
  });

  test("hires are placements counted on their territory", async () => {
    const placements = await database.prisma.placement.findMany({ where: { territoryId: { not: null } } });
    const byTerritory = new Map<string, number>();
    for (const p of placements) byTerritory.set(p.territoryId!, (byTerritory.get(p.territoryId!) ?? 0) + 1);
    for (const [territoryId, count] of byTerritory) {
      const territory = await database.prisma.territory.findUniqueOrThrow({ where: { id: territoryId } });
      expect(territory.placementCount).toBe(count);
    }
  });

  test("the seed asks the outbox for a reindex, and the reindex indexes every published offer", async () => {
    const jobs = await database.prisma.outboxJob.findMany({ where: { kind: "search.reindex", status: "PENDING" } });
    expect(jobs.length).toBeGreaterThan(0);
    const handled: string[] = [];
    const result = await runOutboxBatch(database.sql, {
      "search.reindex": async () => {
        await reindexOffers(database.prisma, search, { indexName });
        handled.push("reindex");
      },
    });
    expect(result.failed).toBe(0);
    expect(handled.length).toBe(jobs.length);
    const published = await database.prisma.offer.count({
      where: { status: "PUBLISHED", OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] },
    });
    const stats = await search.index(indexName).getStats();
    expect(stats.numberOfDocuments).toBe(published);
  });
});
