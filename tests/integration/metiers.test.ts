// Métiers (issue 14): people find and are matched by what they do, in their own words. On the demo
// world, a real PostgreSQL or PGlite and a real Meilisearch.
import type { Meilisearch } from "meilisearch";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { setDatabase, type Database } from "#app/platform/db.server";
import { parseOfferSearch } from "#app/domain/offer-search-params";
import { toOfferQuery } from "#app/offers/search-contract";
import { offersForStudent } from "#app/offers/matching.server";
import { assessOffer } from "#app/offers/offers.server";
import { saveProfile } from "#app/students/students.server";
import { searchEstablishments, resolveEstablishment } from "#app/students/students.server";
import { jobTitleNamed, suggestJobTitles, suggestSkills } from "#app/reference/vocabulary.server";
import { seedDemoWorld } from "#prisma/demo/seed";
import { setSearchClient } from "#search/client";
import { reindexOffers } from "#search/reindex";
import { searchOffers } from "#search/offer-search";
import { distanceKm } from "#app/domain/geo";
import { openTestDatabase, testSearchClient, uniqueIndexName } from "./support";

let database: Database;
let search: Meilisearch;
const indexName = uniqueIndexName("offers_metiers");

beforeAll(async () => {
  database = await openTestDatabase();
  setDatabase(database);
  search = testSearchClient();
  setSearchClient(search);
  await seedDemoWorld(database.sql, { offers: 3000, seed: 14 });
  await reindexOffers(database.prisma, search, { indexName });
}, 240_000);
afterAll(async () => {
  await search.deleteIndex(indexName).waitTask({ timeout: 60_000 });
  setSearchClient(undefined);
  setDatabase(undefined);
  await database.close();
});

const run = (query: string) => searchOffers(search, toOfferQuery(parseOfferSearch(new URLSearchParams(query))), { place: null, indexName });

/** The fiches a query names: those with a ROME job title holding every word typed. */
async function fichesNamed(query: string): Promise<Set<string>> {
  return new Set((await suggestJobTitles(query, 10_000)).map((title) => title.romeCode));
}

async function fichesOf(ids: string[]): Promise<string[]> {
  const rows = await database.prisma.offer.findMany({ where: { id: { in: ids } }, select: { id: true, romeCode: true } });
  const byId = new Map(rows.map((r) => [r.id, r.romeCode]));
  return ids.map((id) => byId.get(id) as string);
}

describe("searching by job title", () => {
  test.each(["chaudronnier", "logisticien", "acheteur", "dessinateur industriel"])(
    "'%s' finds the offers of the fiches it names first, whatever their titles say",
    async (query) => {
      const named = await fichesNamed(query);
      expect(named.size, `fiches named by ${query}`).toBeGreaterThan(0);
      const published = await database.prisma.offer.count({ where: { status: "PUBLISHED", romeCode: { in: [...named] } } });
      expect(published, `published offers of ${[...named].join(", ")}`).toBeGreaterThan(10);
      const result = await run(`q=${encodeURIComponent(query)}`);
      const first = await fichesOf(result.hits.slice(0, 10).map((hit) => hit.id));
      expect(first).toHaveLength(10);
      expect(first.filter((code) => named.has(code)).length, `${query}: ${first.join(" ")}`).toBe(10);
    },
  );

  test.each(["chaudronnier", "logisticien"])("'%s' is in no demo title: the fiche's job titles find its offers", async (query) => {
    const result = await run(`q=${query}`);
    expect(result.total).toBeGreaterThan(10);
    const titles = result.hits.map((hit) => hit.title.map((run) => run.text).join(""));
    expect(titles.filter((title) => title.toLowerCase().includes(query))).toEqual([]);
  });

  test("the count is the offers holding every word typed, exact, with the closest offers apart when none do", async () => {
    const both = await run("q=ingenieur+mecanique");
    const one = await run("q=ingenieur");
    expect(both.totalCapped).toBe(false);
    expect(both.total).toBeGreaterThan(0);
    expect(both.total).toBeLessThan(one.total);
    expect(both.pages).toBe(Math.ceil(both.total / 20));
    expect(both.closest).toEqual([]);
    // No offer is both a boilermaker's and a payroll clerk's: none counted, the closest shown apart.
    const none = await run("q=chaudronnier+paie");
    expect(none.total).toBe(0);
    expect(none.hits).toEqual([]);
    expect(none.closest.length).toBeGreaterThan(0);
    const closestFiches = await fichesOf(none.closest.map((hit) => hit.id));
    expect(closestFiches.every((code) => code === "H2902")).toBe(true);
  });

  test("a place named in the text is not a job: 'boulanger' does not find offers located in Boulange", async () => {
    const [offer] = await database.prisma.offer.findMany({ where: { status: "PUBLISHED" }, take: 1, select: { id: true } });
    await database.prisma.offer.update({
      where: { id: offer.id },
      data: { description: "Notre PME, installée à Boulange (Moselle), recrute pour son atelier de mécanique de précision." },
    });
    await reindexOffers(database.prisma, search, { indexName });
    expect((await run("q=Boulange")).hits.map((hit) => hit.id)).toContain(offer.id);
    const baker = await run("q=boulanger+patissier");
    expect(baker.total).toBe(0);
    expect(baker.closest.map((hit) => hit.id)).not.toContain(offer.id);
    expect((await run("q=boulanger")).hits.map((hit) => hit.id)).not.toContain(offer.id);
  });
});

describe("suggestions", () => {
  test("job titles: accents and case ignored, the job title first, with its fiche", async () => {
    const [first] = await suggestJobTitles("CHAUDRONNIER");
    expect(first).toMatchObject({ label: "Chaudronnier / Chaudronnière", romeCode: "H2902" });
    expect((await suggestJobTitles("logisticien")).map((t) => t.label)).toContain("Logisticien / Logisticienne de production");
    expect(await jobTitleNamed("chaudronnier / chaudronnière")).toMatchObject({ romeCode: "H2902" });
    expect(await jobTitleNamed("Chaudronnier expert en tout")).toBeNull();
  });

  test("skills come from the savoirs: 'CAO' suggests computer-aided design, 'soud' welding and no job title", async () => {
    const cao = await suggestSkills("CAO");
    expect(cao.length).toBeGreaterThan(4);
    // Whole words first: the labels naming CAO come before "caoutchouc".
    expect(
      cao.slice(0, 5).every((label) => /\bCAO\b/.test(label)),
      cao.join(" | "),
    ).toBe(true);
    const soud = await suggestSkills("soud");
    expect(soud).toContain("Techniques de soudage");
    expect(soud.some((label) => /Soudeur \/ Soudeuse/.test(label))).toBe(false);
    expect(await suggestSkills("SolidWorks")).toContain("SolidWorks");
  });

  test("establishments as people write them: 'HEC', 'arts et metiers', 'ENSAM', 'INSA Lyon', 'UTC'", async () => {
    const first = async (query: string) => (await searchEstablishments(query))[0]?.name;
    expect(await first("HEC")).toBe("École des hautes études commerciales de Paris");
    expect(await first("arts et metiers")).toBe("Arts et Métiers Sciences et Technologies");
    expect(await first("ENSAM")).toBe("Arts et Métiers Sciences et Technologies");
    expect(await first("insa lyon")).toBe("Institut national des sciences appliquées de Lyon");
    expect(await first("UTC")).toBe("Université de Technologie de Compiègne");
    // Typed whole and left as is, an acronym or short name is enough for the profile.
    expect(await resolveEstablishment("HEC Paris")).not.toBeNull();
    expect(await resolveEstablishment("ensam")).not.toBeNull();
  });
});

describe("VTE Vert follows the job title chosen", () => {
  test("an appellation flagged for the ecological transition under an unflagged fiche makes the offer VTE Vert", async () => {
    const [row] = await database.sql.query<{ code: string; rome_code: string; fiche: boolean }>(
      `SELECT a.code, a.rome_code, f.ecological_transition AS fiche FROM rome_appellation a JOIN rome_fiche f ON f.code = a.rome_code
       WHERE a.ecological_transition AND NOT f.ecological_transition ORDER BY a.code LIMIT 1`,
    );
    expect(row).toBeDefined();
    const company = { sizeBand: "PME" as const, communeCode: "42187" };
    const facts = {
      contractType: "CDI" as const,
      durationMonths: null,
      degreeLevel: "BAC5" as const,
      romeCode: row.rome_code,
      communeCode: "42187",
    };
    expect((await assessOffer(facts, company)).decision.green).toBe(false);
    expect((await assessOffer({ ...facts, appellationCode: row.code }, company)).decision.green).toBe(true);
  });
});

describe("matching weighs what the student said", () => {
  test("a student with the skill 'SolidWorks' and a wished commune sees offers mentioning SolidWorks near it first, both reasons written", async () => {
    // The commune with the most published offers mentioning SolidWorks.
    const [place] = await database.sql.query<{
      commune_code: string;
      name: string;
      latitude: number;
      longitude: number;
      region_code: string;
    }>(
      `SELECT o.commune_code, c.name, c.latitude, c.longitude, c.region_code FROM offer o JOIN commune c ON c.insee_code = o.commune_code
       WHERE o.status = 'PUBLISHED' AND o.vte_eligible AND o.description ILIKE '%solidworks%' AND o.degree_level = 'BAC5'
       GROUP BY 1, 2, 3, 4, 5 ORDER BY count(*) DESC, 1 LIMIT 1`,
    );
    const [user] = await database.sql.query<{ id: string }>("SELECT id FROM app_user WHERE role = 'STUDENT' ORDER BY id LIMIT 1");
    await saveProfile(user.id, {
      establishmentId: null,
      otherEstablishmentName: "École d'ingénieurs",
      schoolKind: "ENGINEERING",
      degreeLevel: "BAC5",
      field: "Génie mécanique",
      status: "STUDENT",
      graduationDate: null,
      skills: ["CAO", "SolidWorks"],
      wishedTerritoryIds: [],
      wishedRegionCodes: [place.region_code],
      wishedCommuneCode: place.commune_code,
      wishedRadiusKm: 50,
      contractTypes: [],
      availableFrom: null,
      visibleToCompanies: false,
    });
    const profile = await database.prisma.studentProfile.findUniqueOrThrow({ where: { userId: user.id }, omit: { cv: true } });
    const { matches, degraded } = await offersForStudent(profile, { indexName });
    expect(degraded).toBe(false);
    const first = matches.slice(0, 3);
    expect(first).toHaveLength(3);
    const rows = await database.prisma.offer.findMany({
      where: { id: { in: first.map((m) => m.id) } },
      select: { id: true, description: true, latitude: true, longitude: true, vteEligible: true },
    });
    for (const match of first) {
      const row = rows.find((r) => r.id === match.id);
      expect(row?.description).toMatch(/SolidWorks/);
      expect(row?.vteEligible).toBe(true);
      const km = distanceKm({ lat: place.latitude, lng: place.longitude }, { lat: row?.latitude ?? 0, lng: row?.longitude ?? 0 });
      expect(km).toBeLessThanOrEqual(50);
      const reasons = match.match.reasons.map((r) => r.text);
      expect(
        reasons.some((text) => /« SolidWorks » \(dans l'offre\)/.test(text)),
        reasons.join(" | "),
      ).toBe(true);
      expect(
        reasons.some((text) => new RegExp(`à \\d+ km de ${place.name}`).test(text)),
        reasons.join(" | "),
      ).toBe(true);
    }
    // Never an offer the student could not take as a VTE.
    const all = await database.prisma.offer.findMany({ where: { id: { in: matches.map((m) => m.id) } }, select: { vteEligible: true } });
    expect(all.every((o) => o.vteEligible)).toBe(true);
  });
});
