// The offer search on a real Meilisearch, checked against PostgreSQL on the same data.
import type { Meilisearch } from "meilisearch";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { setDatabase, type Database } from "#app/platform/db.server";
import { parseOfferSearch } from "#app/domain/offer-search-params";
import { searchOffersInDatabase } from "#app/offers/search-fallback.server";
import { toOfferQuery } from "#app/offers/search-contract";
import { seedDemoWorld } from "#prisma/demo/seed";
import { applyOfferIndexSettings } from "#search/offer-index";
import { jobWordsByFiche, offerDocument, offerDocumentInclude } from "#search/offer-document";
import { searchOffers } from "#search/offer-search";
import { openTestDatabase, testSearchClient, uniqueIndexName } from "./support";

/** Indexes every offer of the database, whatever its status, into an index of its own. */
async function indexEveryOffer(database: Database, search: Meilisearch, indexName: string) {
  await applyOfferIndexSettings(search, indexName);
  const all = await database.prisma.offer.findMany({ include: offerDocumentInclude });
  const jobWords = await jobWordsByFiche(database.prisma);
  await search
    .index(indexName)
    .addDocuments(all.map((offer) => offerDocument(offer, jobWords)))
    .waitTask({ timeout: 120_000 });
}

describe("offer search", () => {
  let database: Database;
  let search: Meilisearch;
  const indexName = uniqueIndexName("offers_search");
  const searchable = { status: "PUBLISHED" as const, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] };

  beforeAll(async () => {
    database = await openTestDatabase();
    setDatabase(database);
    search = testSearchClient();
    await seedDemoWorld(database.sql, { offers: 1500, seed: 11 });
    // Some published offers have expired without the worker noticing yet.
    const stale = await database.prisma.offer.findMany({ where: { status: "PUBLISHED" }, take: 40, select: { id: true } });
    await database.prisma.offer.updateMany({
      where: { id: { in: stale.map((o) => o.id) } },
      data: { expiresAt: new Date(Date.now() - 86_400_000) },
    });
    // The index holds every offer, drafts and expired ones included: only the filter keeps them out.
    await indexEveryOffer(database, search, indexName);
  }, 180_000);
  afterAll(async () => {
    await search.deleteIndex(indexName).waitTask({ timeout: 60_000 });
    setDatabase(undefined);
    await database.close();
  });

  const run = (query: string) =>
    searchOffers(search, toOfferQuery(parseOfferSearch(new URLSearchParams(query))), { place: null, indexName });

  test("only published, unexpired offers are ever returned", async () => {
    const result = await run("");
    expect(result.total).toBe(await database.prisma.offer.count({ where: searchable }));
    const notSearchable = await database.prisma.offer.findMany({ where: { NOT: searchable }, select: { id: true, title: true }, take: 20 });
    expect(notSearchable.length).toBeGreaterThan(0);
    for (const offer of notSearchable) {
      const hits = (await run(`q=${encodeURIComponent(offer.title)}`)).hits;
      expect(hits.map((h) => h.id)).not.toContain(offer.id);
    }
  });

  /** The engine's counts are PostgreSQL's counts, for the 20 most frequent values. */
  function expectTopCounts(engine: Record<string, number> | undefined, groups: { value: string | null; count: number }[]) {
    const expected = new Map(groups.map((g) => [g.value, g.count]));
    const entries = Object.entries(engine ?? {});
    expect(entries.length).toBe(Math.min(20, expected.size));
    for (const [value, count] of entries) expect([value, count]).toEqual([value, expected.get(value)]);
    const smallestShown = Math.min(...entries.map(([, count]) => count));
    for (const [value, count] of expected) if (!(value! in (engine ?? {}))) expect(count).toBeLessThanOrEqual(smallestShown);
  }

  test("facet counts equal the counts PostgreSQL computes for the same filters", async () => {
    const result = await run("region=84&contrat=cdi");
    const territories = await database.prisma.offer.groupBy({
      by: ["territoryId"],
      where: { ...searchable, regionCode: "84", contractType: "CDI", territoryId: { not: null } },
      _count: { _all: true },
    });
    expectTopCounts(
      result.facets?.territories,
      territories.map((t) => ({ value: t.territoryId, count: t._count._all })),
    );
    // Disjunctive: with region 84 chosen, the other regions keep their counts (contract filter only).
    const regions = await database.prisma.offer.groupBy({
      by: ["regionCode"],
      where: { ...searchable, contractType: "CDI" },
      _count: { _all: true },
    });
    expectTopCounts(
      result.facets?.regions,
      regions.map((r) => ({ value: r.regionCode, count: r._count._all })),
    );
    const departments = await database.prisma.offer.groupBy({
      by: ["departmentCode"],
      where: { ...searchable, regionCode: "84", contractType: "CDI" },
      _count: { _all: true },
    });
    expectTopCounts(
      result.facets?.departments,
      departments.map((d) => ({ value: d.departmentCode, count: d._count._all })),
    );
    expect(result.total).toBe(await database.prisma.offer.count({ where: { ...searchable, regionCode: "84", contractType: "CDI" } }));
  });

  test("departments are counted once a region or a department is chosen, with PostgreSQL's counts", async () => {
    expect((await run("contrat=cdi")).facets?.departments).toEqual({});
    // A department chosen from a shared link, without its region: it keeps its count, and the others theirs.
    const loire = await run("departement=42&contrat=cdi");
    const departments = await database.prisma.offer.groupBy({
      by: ["departmentCode"],
      where: { ...searchable, contractType: "CDI" },
      _count: { _all: true },
    });
    const expected = Object.fromEntries(departments.map((d) => [d.departmentCode, d._count._all]));
    const counted = loire.facets?.departments ?? {};
    expect(Object.keys(counted).length).toBeGreaterThanOrEqual(20);
    for (const [code, count] of Object.entries(counted)) expect([code, count]).toEqual([code, expected[code]]);
    expect(counted["42"]).toBe(expected["42"]);
    expect(loire.total).toBe(await database.prisma.offer.count({ where: { ...searchable, departmentCode: "42", contractType: "CDI" } }));
  });

  test("a chosen NAF section shows its divisions with PostgreSQL's counts; a chosen division narrows, the others keep theirs", async () => {
    const rows = await database.sql.query<{ division: string; count: number }>(
      `SELECT substring(c.naf_code, 1, 2) AS division, count(*)::int AS count FROM offer o JOIN company c ON c.id = o.company_id
       WHERE c.naf_section = 'C' AND o.status = 'PUBLISHED' AND (o.expires_at IS NULL OR o.expires_at > now()) GROUP BY 1`,
    );
    expect(rows.length).toBeGreaterThan(1);
    const section = await run("secteur=C");
    expectTopCounts(
      section.divisions ?? undefined,
      rows.map((r) => ({ value: r.division, count: r.count })),
    );
    const [first] = [...rows].sort((a, b) => b.count - a.count);
    const division = await run(`secteur=C&secteur=${first.division}`);
    expect(division.total).toBe(first.count);
    expect(division.divisions).toEqual(section.divisions);
    expect((await run("")).divisions).toBeNull();
  });

  test("a chosen territory outside the 20 most frequent keeps its exact count", async () => {
    const territories = await database.prisma.offer.groupBy({
      by: ["territoryId"],
      where: { ...searchable, territoryId: { not: null } },
      _count: { _all: true },
      orderBy: { _count: { territoryId: "asc" } },
    });
    expect(territories.length).toBeGreaterThan(20);
    const rare = territories[0];
    const result = await run(`territoire=${rare.territoryId}`);
    expect(result.total).toBe(rare._count._all);
    expect(result.facets?.territories[rare.territoryId as string]).toBe(rare._count._all);
  });

  test("the PostgreSQL fallback returns the same offers for the same filters", async () => {
    const params = toOfferQuery(parseOfferSearch(new URLSearchParams("region=84&contrat=cdi&ecole=ingenieur&tri=recent")));
    const [engine, fallback] = await Promise.all([
      searchOffers(search, params, { place: null, indexName }),
      searchOffersInDatabase(params, null),
    ]);
    expect(fallback.total).toBe(engine.total);
    expect(fallback.facets).toBeNull();
  });

  test("French words with typos and without accents find what a person means", async () => {
    for (const [query, expected] of [
      ["ingenieur mecanique", /ingénieur/i],
      ["comercial export", /commercial|export/i],
      ["responsable qualite", /qualité/i],
      ["aprentissage acheteur", /acheteur/i],
    ] as const) {
      const result = await run(`q=${encodeURIComponent(query)}`);
      expect(result.total, query).toBeGreaterThan(0);
      expect(result.hits[0].title.map((r) => r.text).join(""), query).toMatch(expected);
    }
  });

  test("matched words of the title are marked, and nothing else", async () => {
    const result = await run("q=qualite");
    const runs = result.hits[0].title;
    expect(runs.some((r) => r.match && /qualit/i.test(r.text))).toBe(true);
    // Meilisearch's highlight markers must not reach the page.
    // eslint-disable-next-line no-control-regex
    expect(runs.map((r) => r.text).join("")).not.toMatch(/[\u0002\u0003]/);
  });

  test("an empty result suggests which filter to drop, with the count it would give", async () => {
    const result = await run("q=zzzxqw&region=84");
    expect(result.total).toBe(0);
    expect(result.loosen[0]).toMatchObject({ part: "text" });
    expect(result.loosen[0].count).toBe(await database.prisma.offer.count({ where: { ...searchable, regionCode: "84" } }));
  });
});

describe("what one search page costs the engine", () => {
  let database: Database;
  let search: Meilisearch;
  const indexName = uniqueIndexName("offers_budget");

  beforeAll(async () => {
    database = await openTestDatabase();
    setDatabase(database);
    search = testSearchClient();
    await seedDemoWorld(database.sql, { offers: 300, seed: 12 });
    await indexEveryOffer(database, search, indexName);
  }, 180_000);
  afterAll(async () => {
    await search.deleteIndex(indexName).waitTask({ timeout: 60_000 });
    setDatabase(undefined);
    await database.close();
  });

  test("a URL with 1 150 values of every filter and no result still sends at most 60 queries", async () => {
    const values = (key: string, make: (i: number) => string) => Array.from({ length: 1150 }, (_, i) => `${key}=${make(i)}`).join("&");
    const url = [
      "q=zzzqqq",
      values("metier", (i) => `H${String(1000 + i).padStart(4, "0")}`),
      values("territoire", (i) => `ti-${String(1000 + i).padStart(4, "0")}`),
      values("region", (i) => String(10 + (i % 90))),
      values("secteur", (i) => String(10 + (i % 89))),
    ].join("&");
    let queries = 0;
    // The real engine, with its multi-search counted.
    const counted = new Proxy(search, {
      get(target, property, receiver) {
        if (property !== "multiSearch") return Reflect.get(target, property, receiver);
        return (request: { queries: unknown[] }) => {
          queries += request.queries.length;
          return target.multiSearch(request as never);
        };
      },
    });
    const result = await searchOffers(counted, toOfferQuery(parseOfferSearch(new URLSearchParams(url))), { place: null, indexName });
    expect(result.total).toBe(0);
    expect(queries).toBeGreaterThan(1);
    expect(queries).toBeLessThanOrEqual(60);
  });
});
