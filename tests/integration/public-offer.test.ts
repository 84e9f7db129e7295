// "An offer the public may see" is one rule written four ways (app/domain/public-offer.ts): the
// JavaScript test, the Prisma filter, the SQL of the PostgreSQL fallback and the Meilisearch
// filter must pick the same offers, among offers of every status, expired ones included.
import type { Meilisearch } from "meilisearch";
import { afterAll, beforeAll, expect, test } from "vitest";
import { setDatabase, type Database } from "#app/platform/db.server";
import { isPublicOffer, publicOfferSearchFilter, publicOfferSql, publicOfferWhere } from "#app/domain/public-offer";
import { seedDemoWorld } from "#prisma/demo/seed";
import { jobWordsByFiche, offerDocument, offerDocumentInclude } from "#search/offer-document";
import { applyOfferIndexSettings } from "#search/offer-index";
import { openTestDatabase, testSearchClient, uniqueIndexName } from "./support";

let database: Database;
let search: Meilisearch;
const indexName = uniqueIndexName("public_offer");
const now = new Date();

beforeAll(async () => {
  database = await openTestDatabase();
  setDatabase(database);
  await seedDemoWorld(database.sql, { offers: 300, seed: 11 });
  // Published offers whose date has passed (the expiry job has not run yet), and one expiring soon.
  const published = await database.prisma.offer.findMany({
    where: { status: "PUBLISHED" },
    select: { id: true },
    take: 6,
    orderBy: { id: "asc" },
  });
  await database.prisma.offer.updateMany({
    where: { id: { in: published.slice(0, 5).map((o) => o.id) } },
    data: { expiresAt: new Date(now.getTime() - 3_600_000) },
  });
  await database.prisma.offer.update({ where: { id: published[5].id }, data: { expiresAt: new Date(now.getTime() + 3_600_000) } });
  // Every offer in the index, whatever its status, so that only the filter decides.
  search = testSearchClient();
  await applyOfferIndexSettings(search, indexName);
  const offers = await database.prisma.offer.findMany({ include: offerDocumentInclude });
  const jobWords = await jobWordsByFiche(database.prisma);
  await search
    .index(indexName)
    .addDocuments(offers.map((offer) => offerDocument(offer, jobWords)))
    .waitTask({ timeout: 60_000 });
}, 180_000);
afterAll(async () => {
  await search?.deleteIndex(indexName).waitTask({ timeout: 60_000 });
  setDatabase(undefined);
  await database?.close();
});

test("the JavaScript rule, Prisma, SQL and Meilisearch pick the same offers", async () => {
  const all = await database.prisma.offer.findMany({ select: { id: true, status: true, expiresAt: true } });
  const statuses = new Set(all.map((o) => o.status));
  expect(statuses.size).toBeGreaterThanOrEqual(4);

  const byRule = all
    .filter((offer) => isPublicOffer(offer, now))
    .map((o) => o.id)
    .sort();
  const byPrisma = (await database.prisma.offer.findMany({ where: publicOfferWhere(now), select: { id: true } })).map((o) => o.id).sort();
  const bySql = (
    await database.sql.query<{ id: string }>(`SELECT o.id FROM offer o WHERE ${publicOfferSql("o", "$1").join(" AND ")}`, [now])
  )
    .map((o) => o.id)
    .sort();
  const bySearch = (
    await search.index(indexName).search("", { filter: publicOfferSearchFilter(now), limit: 1000, attributesToRetrieve: ["id"] })
  ).hits
    .map((h) => h.id as string)
    .sort();

  expect(byRule.length).toBeGreaterThan(0);
  expect(byRule.length).toBeLessThan(all.length - 5);
  expect(byPrisma).toEqual(byRule);
  expect(bySql).toEqual(byRule);
  expect(bySearch).toEqual(byRule);
});
